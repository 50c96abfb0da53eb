#!/bin/sh
# Regenerates docs/images/html-report.png, the README's picture of the HTML
# report: pincheck's report of examples/ (as `make demo` analyses them),
# the page of a move after a pin, rendered by headless Chromium.
#
#   docs/report-screenshot.sh [BUILD]    (default: build-22)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build-22}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
llvm=$(sed -n 's/^PINCHECK_LLVM_VERSION:[A-Z]*=//p' "$build/CMakeCache.txt")
cmake -S "$root/examples" -B "$work/examples" -G Ninja \
  -DCMAKE_CXX_COMPILER="clang++-$llvm" >/dev/null
status=0
"$build/bin/pincheck" -p "$work/examples" --no-whole-program \
  --source-root="$root" --format=html --output="$work/report" || status=$?
[ "$status" -le 1 ]
# The first page of a move after a pin: it shows the numbered path.
page=$(grep -l '<span class="check">pin-move-after-pin</span>' \
  "$work"/report/f/*.html | sort -V | head -n 1)
HOME="$work" chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --window-size=1000,620 --screenshot="$root/docs/images/html-report.png" \
  "file://$page" 2>/dev/null
echo "docs/images/html-report.png: $(basename "$page") of $(ls "$work/report/f" | wc -l) pages"
