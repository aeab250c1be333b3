#!/usr/bin/env bash
# The linters of what is not Python (docs/linters.md), run by the test command:
# templates (djhtml: indentation; djlint: its rules), CSS (stylelint; prettier)
# and JavaScript (prettier). `services/lint.sh` checks, `services/lint.sh fix`
# rewrites what the tools can rewrite. The node tools are installed, pinned, into
# var/node-lint/ (not var/node/: bumping them must not reinstall Lighthouse).
# In CI (CI=true) missing node tools fail the run; elsewhere their checks are skipped.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PRETTIER_VERSION=3.10.2
# stylelint 17 is the last to run on Node 20 (18 needs Node 22).
STYLELINT_VERSION=17.16.0
STYLELINT_CONFIG_STANDARD_VERSION=40.0.0
NODE_TOOLS=var/node-lint
BIN="$NODE_TOOLS/node_modules/.bin"
MODE="${1:-check}"

say() { echo "[lint] $*"; }
status=0
failed() { say "FAILED: $*"; status=1; }

# Tracked files and new ones, never what .gitignore leaves out (var/, .venv, static/);
# outside a git checkout (an unpacked archive), the same folders are skipped by name.
files() {
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git ls-files --cached --others --exclude-standard "$@" | while read -r f; do [ -f "$f" ] && echo "$f"; done
    else
        find . \( -path ./.venv -o -path ./var -o -path ./static -o -path ./media -o -name node_modules \) -prune \
            -o -type f -name "$1" -print | sed 's|^\./||' | sort
    fi
}
mapfile -t templates < <(files '*.html')
mapfile -t stylesheets < <(files '*.css')
mapfile -t scripts < <(files '*.js')

if [ "$MODE" = "fix" ]; then
    .venv/bin/djhtml "${templates[@]}"
else
    .venv/bin/djhtml --check "${templates[@]}" >/dev/null 2>&1 \
        || { .venv/bin/djhtml --check "${templates[@]}" 2>&1 | grep -v "already perfect"; failed "template indentation (djhtml)"; }
fi
.venv/bin/djlint --lint --quiet "${templates[@]}" || failed "template rules (djlint, [tool.djlint] in pyproject.toml)"

installed_version() { sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$NODE_TOOLS/node_modules/$1/package.json" 2>/dev/null | head -1; }
if [ "$(installed_version prettier)" != "$PRETTIER_VERSION" ] || [ "$(installed_version stylelint)" != "$STYLELINT_VERSION" ] \
    || [ "$(installed_version stylelint-config-standard)" != "$STYLELINT_CONFIG_STANDARD_VERSION" ]; then
    if command -v npm >/dev/null; then
        mkdir -p "$NODE_TOOLS"
        npm install --prefix "$NODE_TOOLS" --no-save --no-audit --no-fund "prettier@$PRETTIER_VERSION" \
            "stylelint@$STYLELINT_VERSION" "stylelint-config-standard@$STYLELINT_CONFIG_STANDARD_VERSION" >/dev/null 2>&1 \
            || say "npm could not install prettier and stylelint"
    fi
fi
if [ -x "$BIN/prettier" ] && [ -x "$BIN/stylelint" ]; then
    # --config-basedir: the shared config is found in var/node-lint, not in a node_modules at the root.
    stylelint=("$BIN/stylelint" --config-basedir "$ROOT/$NODE_TOOLS" --max-warnings 0)
    if [ "$MODE" = "fix" ]; then
        "$BIN/prettier" --log-level warn --write "${stylesheets[@]}" "${scripts[@]}"
        "${stylelint[@]}" --fix "${stylesheets[@]}" || failed "stylesheet rules that need a hand (stylelint)"
        # The served stylesheet is the parts of site/css/ joined: rebuilt from the parts just laid out.
        .venv/bin/python site/css/build.py >/dev/null
    else
        "$BIN/prettier" --log-level warn --check "${stylesheets[@]}" "${scripts[@]}" || failed "CSS/JS formatting (prettier; services/lint.sh fix)"
        "${stylelint[@]}" "${stylesheets[@]}" || failed "stylesheet rules (stylelint, .stylelintrc.json)"
    fi
elif [ "${CI:-false}" = "true" ]; then
    failed "prettier and stylelint missing (npm install into $NODE_TOOLS; required in CI)"
else
    say "SKIPPED the CSS and JS checks: npm is missing (apt-get install npm), so prettier and stylelint are not installed"
fi

[ "$status" = 0 ] && say "templates, stylesheets and scripts pass (${#templates[@]} templates, ${#stylesheets[@]} stylesheets, ${#scripts[@]} scripts)"
exit "$status"
