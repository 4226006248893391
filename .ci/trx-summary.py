#!/usr/bin/env python3
"""Sums the TRX files under a results folder (argv[1]) into one line "N passed, N failed, N skipped".

Failed tests (message and stack) and skipped tests go to stderr. Exits 1 when a test failed, when no test
ran, or (with CI=true) when a test was skipped. Used by .ci/run and .ci/soak.
"""
import glob, os, sys
import xml.etree.ElementTree as ET

results = sys.argv[1]
files = sorted(glob.glob(os.path.join(results, "**", "*.trx"), recursive=True))
ci = os.environ.get("CI", "").lower() == "true"
passed = failed = skipped = executed = 0
skipped_names, failed_names = [], []
FAILED = {"failed", "error", "timeout", "aborted"}
for path in files:
    root = ET.parse(path).getroot()
    ns = {"t": root.tag[1:].split("}")[0]} if root.tag.startswith("{") else {}
    q = (lambda name: "t:" + name) if ns else (lambda name: name)
    results_found = root.findall(".//" + q("UnitTestResult"), ns)
    if results_found:
        for r in results_found:
            outcome = (r.get("outcome") or "").lower()
            name = r.get("testName") or "?"
            if outcome == "passed":
                passed += 1; executed += 1
            elif outcome in FAILED:
                failed += 1; executed += 1
                message = r.find(".//" + q("ErrorInfo") + "/" + q("Message"), ns)
                trace = r.find(".//" + q("ErrorInfo") + "/" + q("StackTrace"), ns)
                detail = "\n".join(
                    (e.text or "").strip()[:1500] for e in (message, trace) if e is not None and e.text)
                failed_names.append(name + ("\n    " + detail.replace("\n", "\n    ") if detail else ""))
            else:  # NotExecuted, Inconclusive, Pending, ...
                skipped += 1; skipped_names.append(f"{name} [{r.get('outcome')}]")
    else:
        c = root.find(".//" + q("ResultSummary") + "/" + q("Counters"), ns)
        if c is None:
            continue
        n = lambda k: int(c.get(k) or 0)
        p = n("passed"); f = n("failed") + n("error") + n("timeout") + n("aborted")
        passed += p; failed += f; executed += p + f
        skipped += max(n("total") - p - f, n("notExecuted"))
print(f"TRX files: {len(files)}", file=sys.stderr)
for name in failed_names:
    print(f"FAILED:  {name}", file=sys.stderr)
for name in skipped_names:
    print(f"SKIPPED: {name}", file=sys.stderr)
sys.stderr.flush()
print(f"{passed} passed, {failed} failed, {skipped} skipped", flush=True)
if not files:
    print("CI: no TRX file was written", file=sys.stderr); sys.exit(1)
if executed == 0:
    print("CI: no test was executed", file=sys.stderr); sys.exit(1)
if failed:
    sys.exit(1)
if skipped and ci:
    print(f"CI: {skipped} test(s) skipped; in CI every test must run", file=sys.stderr); sys.exit(1)
