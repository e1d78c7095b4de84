#!/usr/bin/env bash
# Regenerates the report's screenshot set in docs/: the browser test (ReportInChromiumTest) runs the credit-risk
# example, opens its report in headless Chromium at 1280 px wide, checks each page (verdict box on top, passing
# checks folded, nothing wider than the window) and screenshots it; this copies the three screenshots into docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 && [ -z "${CHROMIUM:-}" ]; then
  echo "report-screenshot: Chromium is missing; install it with: bash .ci/install-chromium" >&2
  exit 1
fi
shots=mlgates-cli/target/browser
rm -f "$shots"/credit-risk-*.png
# -am builds the core from this tree; the test pattern runs the browser test alone.
mvn -B -q -pl mlgates-cli -am test -Dtest=ReportInChromiumTest -Dsurefire.failIfNoSpecifiedTests=false
# The validate page keeps the name the README links to.
cp "$shots/credit-risk-validate.png" docs/report-credit-risk.png
cp "$shots/credit-risk-index.png" docs/report-credit-risk-index.png
cp "$shots/credit-risk-ethics.png" docs/report-credit-risk-ethics.png
echo "wrote docs/report-credit-risk.png (validate), docs/report-credit-risk-index.png, docs/report-credit-risk-ethics.png"
