#!/usr/bin/env bash
# Full SQL injection scan: sqlmap at level 5, risk 3, every technique, against every query parameter of
# every GET operation in /openapi/v1.json (exports included), on the real server over loopback.
# The CI form of the same test scans the free-text parameters only (level 1, risk 1, B/E/U).
# Needs: apt-get install sqlmap. Takes tens of minutes on two cores.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
command -v sqlmap >/dev/null || { echo "sqlmap is not installed (apt-get install sqlmap)" >&2; exit 1; }
dotnet build tests/Qingfeng.IntegrationTests -c Release
QINGFENG_SECURITY_FULL=1 QINGFENG_REQUIRE_ALL=1 \
  artifacts/bin/Qingfeng.IntegrationTests/release/Qingfeng.IntegrationTests \
  -class Qingfeng.IntegrationTests.Security.SqlInjectionTests -showLiveOutput "$@"
