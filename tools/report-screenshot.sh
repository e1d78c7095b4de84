#!/usr/bin/env bash
# Regenerates docs/report-credit-risk.png: the browser test opens the credit-risk report in headless
# Chromium and screenshots it; this copies the gate page's screenshot into docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 && [ -z "${CHROMIUM:-}" ]; then
  echo "report-screenshot: Chromium is missing; install it with: bash .ci/install-chromium" >&2
  exit 1
fi
rm -f mlgates-cli/target/browser/credit-risk-validate.png
mvn -B -q verify -Dtest=ReportInChromiumTest -Dsurefire.failIfNoSpecifiedTests=false
cp mlgates-cli/target/browser/credit-risk-validate.png docs/report-credit-risk.png
echo "wrote docs/report-credit-risk.png"
