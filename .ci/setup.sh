# Qingfeng CI environment, sourced by .ci/run and .ci/soak (not run on its own). Installs the Debian
# packages the tests need (idempotently; QINGFENG_EXTRA_PACKAGES adds more) and the pinned Spectral
# (tools/spectral, npm; the OpenAPI lint of tests/Qingfeng.ClientTests), starts PostgreSQL on
# loopback with a password generated per run, and exports QINGFENG_TEST_POSTGRES, QINGFENG_CHROMIUM
# and QINGFENG_REQUIRE_ALL. The caller sets CURRENT_STEP for its ERR trap.

# ---------------------------------------------------------------- 1. packages
CURRENT_STEP="debian packages"
echo "===== debian packages ====="
t0=$SECONDS
PACKAGES=(postgresql postgresql-contrib chromium fonts-noto-cjk sqlmap ${QINGFENG_EXTRA_PACKAGES:-})
missing=()
for p in "${PACKAGES[@]}"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]]; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update -qq
  timeout 1200 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "all present: ${PACKAGES[*]}"
fi
echo "----- debian packages: $((SECONDS - t0)) s -----"

# ---------------------------------------------------------------- 1b. Spectral (npm, pinned by tools/spectral/package-lock.json)
CURRENT_STEP="spectral"
echo
echo "===== spectral ====="
t0=$SECONDS
if ! command -v npm >/dev/null; then
  echo "installing: nodejs npm"
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update -qq
  timeout 1200 apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
SPECTRAL_DIR="$ROOT/tools/spectral"
SPECTRAL_STAMP="$SPECTRAL_DIR/node_modules/.qingfeng-lock.sha256"
SPECTRAL_LOCK="$(sha256sum "$SPECTRAL_DIR/package-lock.json" | cut -d' ' -f1)"
if [[ -x "$SPECTRAL_DIR/node_modules/.bin/spectral" && "$(cat "$SPECTRAL_STAMP" 2>/dev/null || true)" == "$SPECTRAL_LOCK" ]]; then
  echo "present: spectral $("$SPECTRAL_DIR/node_modules/.bin/spectral" --version)"
else
  # Exactly the lock file's versions; no install scripts (Spectral needs none; one dependency's only phones home).
  timeout 600 npm ci --prefix "$SPECTRAL_DIR" --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$SPECTRAL_LOCK" >"$SPECTRAL_STAMP"
  echo "installed: spectral $("$SPECTRAL_DIR/node_modules/.bin/spectral" --version)"
fi
echo "----- spectral: $((SECONDS - t0)) s -----"

# ---------------------------------------------------------------- 2. PostgreSQL
CURRENT_STEP="postgresql"
echo
echo "===== postgresql ====="
t0=$SECONDS
PG_VER="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1 || true)"
if [[ -z "$PG_VER" ]]; then
  PG_VER="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
fi
[[ -n "$PG_VER" ]] || { echo "CI: no PostgreSQL version installed" >&2; exit 1; }
if [[ ! -f "/etc/postgresql/$PG_VER/main/postgresql.conf" ]]; then
  pg_createcluster "$PG_VER" main
fi
PG_PORT="$(pg_lsclusters -h | awk -v v="$PG_VER" '$1 == v && $2 == "main" { print $3 }')"
PG_PORT="${PG_PORT:-5432}"
if ! pg_ctlcluster "$PG_VER" main status >/dev/null 2>&1; then
  pg_ctlcluster "$PG_VER" main start || pg_ctlcluster "$PG_VER" main status >/dev/null
fi
ready=0
for _ in $(seq 1 30); do
  if pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then ready=1; break; fi
  sleep 1
done
if ((!ready)); then
  echo "CI: PostgreSQL $PG_VER did not accept connections on 127.0.0.1:$PG_PORT within 30 s" >&2
  tail -n 30 "/var/log/postgresql/postgresql-$PG_VER-main.log" >&2 || true
  exit 1
fi

pgsql() { (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"); }
# The password is generated once per machine and kept outside the repository (root only), so that a soak or a
# second CI run on the same machine does not change it under a run in progress.
PW_FILE="${XDG_STATE_HOME:-$HOME/.local/state}/qingfeng-ci/pg-password"
if [[ ! -s "$PW_FILE" ]]; then
  mkdir -p "$(dirname "$PW_FILE")"
  (umask 077; head -c16 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$PW_FILE")
fi
PW="$(cat "$PW_FILE")"
[[ "$PW" =~ ^[0-9a-f]{32}$ ]] || { echo "CI: $PW_FILE does not hold a 32-digit hex password" >&2; exit 1; }
# hex only, so inlining it in SQL is safe
if [[ "$(pgsql -tA -c "SELECT 1 FROM pg_roles WHERE rolname = 'qingfeng'")" == 1 ]]; then
  pgsql -c "ALTER ROLE qingfeng WITH LOGIN CREATEDB PASSWORD '$PW'"
else
  pgsql -c "CREATE ROLE qingfeng WITH LOGIN CREATEDB PASSWORD '$PW'"
fi
echo "PostgreSQL $PG_VER up on 127.0.0.1:$PG_PORT, role qingfeng ready"
echo "----- postgresql: $((SECONDS - t0)) s -----"

export QINGFENG_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=qingfeng;Password=$PW;Database=postgres"
export QINGFENG_CHROMIUM=/usr/bin/chromium
export QINGFENG_REQUIRE_ALL=1
[[ -x "$QINGFENG_CHROMIUM" ]] || { echo "CI: $QINGFENG_CHROMIUM missing" >&2; exit 1; }
command -v sqlmap >/dev/null || { echo "CI: sqlmap missing" >&2; exit 1; }

