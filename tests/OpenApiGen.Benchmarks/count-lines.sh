#!/usr/bin/env bash
# Lines the generator writes for each corpus spec, for two builds of `openapigen` side by side (say main's and a
# branch's): no compilation, so it takes minutes, not the tens of minutes of compare-size.sh. Lines are every line of
# every .cs file written; "code" leaves out blank and // lines (the XML docs among them), as compare-size.sh counts.
#
# Usage: bash tests/OpenApiGen.Benchmarks/count-lines.sh BEFORE_OPENAPIGEN AFTER_OPENAPIGEN [spec ...]
#   (default specs: every spec of ../shared/openapi-corpus and its more/). Prints a Markdown table.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${CORPUS:-$here/../../../shared/openapi-corpus}
before=$1 after=$2
shift 2
if [ $# -gt 0 ]; then specs=("$@"); else specs=("$corpus"/*.json "$corpus"/*.yaml "$corpus"/more/*); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

count() { # folder -> "lines code"
  local lines code
  lines=$(find "$1" -name '*.cs' -exec cat {} + 2>/dev/null | wc -l)
  code=$(find "$1" -name '*.cs' -exec cat {} + 2>/dev/null | grep -cvE '^\s*(//.*)?$')
  echo "$lines $code"
}

echo "| spec | before lines (code) | after lines (code) | after/before |"
echo "| --- | --- | --- | --- |"
for spec in "${specs[@]}"; do
  name=$(basename "$spec")
  "$before" generate "$spec" --namespace Corpus.Api --out "$work/before/$name" >/dev/null 2>&1
  "$after" generate "$spec" --namespace Corpus.Api --out "$work/after/$name" >/dev/null 2>&1
  read -r bl bc < <(count "$work/before/$name")
  read -r al ac < <(count "$work/after/$name")
  ratio=$(awk -v a="$al" -v b="$bl" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
  echo "| $name | $bl ($bc) | $al ($ac) | $ratio |"
done
