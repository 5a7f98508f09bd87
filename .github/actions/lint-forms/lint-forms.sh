#!/usr/bin/env bash
# The action's lint step, a script so that it can be tried outside GitHub
# (tests/maintainers/lint_forms_action_test.py runs it).
# env: GREENAPPLY (the binary), LINT_PATH, LINT_LANG, LINT_SARIF (optional), GITHUB_OUTPUT (optional)
# Exit: greenapply lint's own: 0 clean, 1 problems, 2 unusable input.
set -uo pipefail
: "${GREENAPPLY:?}" "${LINT_PATH:=schemas}" "${LINT_LANG:=en}" "${LINT_SARIF:=}"
status=0
# Annotations: workflow commands on stdout, read by the runner.
"$GREENAPPLY" lint --format github --lang "$LINT_LANG" "$LINT_PATH" || status=$?
if [ -n "$LINT_SARIF" ]; then
  sarif_status=0
  "$GREENAPPLY" lint --format sarif --lang "$LINT_LANG" --output "$LINT_SARIF" "$LINT_PATH" || sarif_status=$?
  # 1 means problems, which the SARIF log lists; only 2 (unusable input) leaves no log.
  if [ "$sarif_status" -le 1 ] && [ -n "${GITHUB_OUTPUT:-}" ]; then echo "sarif=$LINT_SARIF" >> "$GITHUB_OUTPUT"; fi
fi
exit "$status"
