#!/usr/bin/env python3
"""Generate the Chinese character -> toneless pinyin table used by ChinesePinyin.cs.

Reads the kMandarin field of Unicode's Unihan database (Debian package
``unicode-data``) and writes one line per CJK Unified Ideograph in the BMP
ranges U+4E00..U+9FFF and U+3400..U+4DBF:

    <char>\t<toneless lowercase pinyin>

Only the FIRST kMandarin reading is kept; tone marks are stripped and
"ü" is written as "v". Lines are sorted by code point. Standard library only.

Usage:
    python3 tools/pinyin/generate.py [--source PATH] [--output PATH]

PATH for --source may be Unihan_Readings.txt, Unihan_Readings.txt.bz2,
Unihan_Readings.txt.gz or Unihan.zip.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import io
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = REPO_ROOT / "src" / "Qingfeng.Web" / "Platform" / "Text" / "pinyin.txt"
REGENERATE_COMMAND = "python3 tools/pinyin/generate.py"

CANDIDATE_SOURCES = [
    Path("/usr/share/unicode/Unihan_Readings.txt"),
    Path("/usr/share/unicode/Unihan_Readings.txt.bz2"),
    Path("/usr/share/unicode/Unihan_Readings.txt.gz"),
    Path("/usr/share/unicode/Unihan.zip"),
    Path("/usr/share/unicode-data/Unihan.zip"),
]

RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))

VERSION_RE = re.compile(r"^#\s*Unicode version:\s*(\S+)", re.IGNORECASE)
PINYIN_RE = re.compile(r"^[a-z]+$")


def find_source() -> Path:
    for candidate in CANDIDATE_SOURCES:
        if candidate.is_file():
            return candidate
    sys.exit(
        "Unihan readings not found; install Debian's 'unicode-data' package "
        "or pass --source (looked in: " + ", ".join(map(str, CANDIDATE_SOURCES)) + ")"
    )


def open_readings(path: Path) -> io.TextIOBase:
    name = path.name.lower()
    if name.endswith(".zip"):
        archive = zipfile.ZipFile(path)
        return io.TextIOWrapper(archive.open("Unihan_Readings.txt"), encoding="utf-8")
    if name.endswith(".bz2"):
        return bz2.open(path, "rt", encoding="utf-8")
    if name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, "r", encoding="utf-8")


def in_ranges(code_point: int) -> bool:
    return any(low <= code_point <= high for low, high in RANGES)


def toneless(reading: str) -> str:
    """'lǘ' -> 'lv', 'zhāng' -> 'zhang', 'ḿ' -> 'm', 'ê̄' -> 'e'."""
    decomposed = unicodedata.normalize("NFD", reading.lower())
    decomposed = decomposed.replace("u\u0308", "v")  # ü (with or without tone) -> v
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    if not PINYIN_RE.match(stripped):
        raise ValueError(f"unexpected pinyin reading {reading!r} -> {stripped!r}")
    return stripped


def read_table(path: Path) -> tuple[str | None, dict[int, str]]:
    version = None
    table: dict[int, str] = {}
    with open_readings(path) as lines:
        for line in lines:
            if line.startswith("#"):
                match = VERSION_RE.match(line)
                if match and version is None:
                    version = match.group(1)
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3 or fields[1] != "kMandarin":
                continue
            code_point = int(fields[0][2:], 16)
            if not in_ranges(code_point):
                continue
            readings = fields[2].split()
            if readings:
                table[code_point] = toneless(readings[0])
    return version, table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="Unihan_Readings.txt[.bz2|.gz] or Unihan.zip")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()

    source = args.source or find_source()
    version, table = read_table(source)
    if not table:
        sys.exit(f"no kMandarin readings found in {source}")

    header = (
        f"# Unihan {version or 'unknown version'} kMandarin (first reading, toneless, u-umlaut as v), "
        f"from {source.name}; regenerate: {REGENERATE_COMMAND}\n"
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        out.write(header)
        for code_point in sorted(table):
            out.write(f"{chr(code_point)}\t{table[code_point]}\n")

    print(f"wrote {len(table)} entries to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
