#!/usr/bin/env bash
# What the generated code costs its user: for every spec of the corpus (../shared/openapi-corpus and its more/), the
# lines each generator writes and the time the C# compiler takes on them, ours beside NSwag 14.7's and Kiota 1.38's,
# in one run. Each output is compiled alone in a fresh project (Release, a compiler process of its own, one build node):
#   ours   Nullable=enable, TreatWarningsAsErrors=true, referencing OpenApiGen.Runtime (what a user of ours builds with);
#   nswag  Nullable=disable, Newtonsoft.Json 13.0.3 (as NSwag's output ships); warnings are counted, not errors;
#   kiota  Nullable=enable, the Kiota 2.1.6 libraries Microsoft.Kiota.Bundle groups (the bundle itself is not served
#          here); warnings counted.
# "compile s" is the Csc task's wall time from MSBuild's performance summary; "CPU s" is the user+system time of the
# whole build (MSBuild's own part is about the same for every output), which moves less than wall time on a shared
# machine. Lines are every line of every .cs file the generator wrote ("code" leaves out blank and // lines).
#
# Usage: bash tests/OpenApiGen.Benchmarks/compare-size.sh [spec ...]   (default: every corpus spec)
#   GENERATORS="ours nswag kiota"  which to run;  RESULTS=file.tsv  where the raw figures go (default: a temp file);
#   KEEP=dir  keep every generated folder and build log there.
# Slow (tens of minutes for the whole corpus on 2 cores): run it under `nice -n 10`.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${CORPUS:-$root/../shared/openapi-corpus}
generators=${GENERATORS:-ours nswag kiota}
tools=${TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/openapigen-bench}
work=${KEEP:-$(mktemp -d)}
results=${RESULTS:-$work/results.tsv}
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 KIOTA_OFFLINE_ENABLED=true

if [ $# -gt 0 ]; then specs=("$@"); else specs=("$corpus"/*.json "$corpus"/*.yaml "$corpus"/more/*); fi

# The peers, as dotnet tools in a cache outside the repository.
if [[ " $generators " == *" kiota "* ]] && [ ! -x "$tools/kiota/kiota" ]; then
  dotnet tool install Microsoft.OpenApi.Kiota --version 1.38.0 --tool-path "$tools/kiota" >/dev/null || exit 1
fi
if [[ " $generators " == *" nswag "* ]] && [ ! -x "$tools/nswag/nswag" ]; then
  dotnet tool install NSwag.ConsoleCore --version 14.7.1 --tool-path "$tools/nswag" >/dev/null || exit 1
fi
dotnet build "$root/generator/OpenApiGen.Cli" -c Release >/dev/null || exit 1
dotnet build "$root/generator/OpenApiGen.Runtime" -c Release >/dev/null || exit 1
openapigen="$root/generator/OpenApiGen.Cli/bin/Release/net10.0/OpenApiGen.Cli"
runtime_dll="$root/generator/OpenApiGen.Runtime/bin/Release/net8.0/OpenApiGen.Runtime.dll"

# Writes the project that compiles folder $1 as generator $2 would have its output built.
project() {
  local dir=$1 generator=$2 common='<TargetFramework>net10.0</TargetFramework><ImplicitUsings>disable</ImplicitUsings><NoWarn>CS1591</NoWarn><EnableDefaultCompileItems>false</EnableDefaultCompileItems>'
  local items
  case $generator in
    ours) common="$common<Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors>"
          items="<Reference Include=\"$runtime_dll\" />" ;;
    nswag) common="$common<Nullable>disable</Nullable>"
           items='<PackageReference Include="Newtonsoft.Json" Version="13.0.3" />' ;;
    kiota) common="$common<Nullable>enable</Nullable>"
           items=''
           for package in Abstractions Http.HttpClientLibrary Serialization.Json Serialization.Form Serialization.Text Serialization.Multipart; do
             items="$items<PackageReference Include=\"Microsoft.Kiota.$package\" Version=\"2.1.6\" />"
           done ;;
  esac
  cat > "$dir/build/check.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>$common</PropertyGroup>
  <ItemGroup><Compile Include="../out/**/*.cs" />$items</ItemGroup>
</Project>
XML
}

# Generates spec $1 with generator $2 into $3/out; prints the exit code.
generate() {
  local spec=$1 generator=$2 dir=$3 code=0
  mkdir -p "$dir/out" "$dir/build"
  case $generator in
    ours) "$openapigen" generate "$spec" --namespace Corpus.Api --out "$dir/out" > "$dir/generate.log" 2>&1 || code=$? ;;
    nswag) "$tools/nswag/nswag" openapi2csclient "/input:$spec" "/output:$dir/out/Client.cs" /namespace:Corpus.Api > "$dir/generate.log" 2>&1 || code=$? ;;
    kiota) "$tools/kiota/kiota" generate -l CSharp -d "$spec" -o "$dir/out" -n Corpus.Api -c ApiClient --clean-output --log-level Error > "$dir/generate.log" 2>&1 || code=$? ;;
  esac
  echo "$code"
}

# Builds $1/build; prints "compile_s cpu_s warnings errors".
compile() {
  local dir=$1/build
  dotnet restore "$dir/check.csproj" > "$dir/restore.log" 2>&1 || { echo "- - - restore-failed"; return; }
  /usr/bin/time -f "%e %U %S" -o "$dir/time" dotnet build "$dir/check.csproj" -c Release --no-restore -nodeReuse:false -m:1 \
    -p:UseSharedCompilation=false -clp:PerformanceSummary > "$dir/build.log" 2>&1
  local csc cpu warnings errors
  csc=$(awk '$3 == "Csc" && $2 == "ms" { printf "%.1f", $1 / 1000 }' "$dir/build.log" | tail -n 1)
  cpu=$(tail -n 1 "$dir/time" | awk '{ printf "%.1f", $2 + $3 }')
  warnings=$(grep -Eo '^ *[0-9]+ Warning\(s\)' "$dir/build.log" | tail -n 1 | awk '{print $1}')
  errors=$(grep -Eo '^ *[0-9]+ Error\(s\)' "$dir/build.log" | tail -n 1 | awk '{print $1}')
  echo "${csc:--} $cpu ${warnings:--} ${errors:--}"
}

# The floor: what the same build costs for one empty class (MSBuild, the compiler's start, the SDK's analyzers).
mkdir -p "$work/empty/ours/out" "$work/empty/ours/build"
echo 'namespace Corpus.Api { public sealed class Empty { } }' > "$work/empty/ours/out/Empty.cs"
project "$work/empty/ours" ours
read -r floor_csc floor_cpu _ _ < <(compile "$work/empty/ours")

printf 'spec\tgenerator\tgenerate_exit\tfiles\tlines\tcode_lines\tcompile_s\tcpu_s\twarnings\terrors\n' > "$results"
for spec in "${specs[@]}"; do
  name=$(basename "$spec")
  for generator in $generators; do
    dir="$work/$name/$generator"
    rm -rf "$dir"
    code=$(generate "$spec" "$generator" "$dir")
    files=$(find "$dir/out" -name '*.cs' | wc -l)
    if [ "$files" -eq 0 ]; then
      printf '%s\t%s\t%s\t0\t0\t0\t-\t-\t-\t-\n' "$name" "$generator" "$code" >> "$results"
      continue
    fi
    lines=$(find "$dir/out" -name '*.cs' -exec cat {} + | wc -l)
    code_lines=$(find "$dir/out" -name '*.cs' -exec cat {} + | grep -cvE '^\s*(//.*)?$')
    project "$dir" "$generator"
    read -r csc cpu warnings errors < <(compile "$dir")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$generator" "$code" "$files" "$lines" "$code_lines" "$csc" "$cpu" "$warnings" "$errors" >> "$results"
    echo "$name $generator: exit $code, $files files, $lines lines, compile $csc s (CPU $cpu s), $warnings warnings, $errors errors" >&2
  done
done

# The table: one row a spec, ours beside each peer.
awk -F'\t' -v gens="$generators" '
  NR == 1 { next }
  { key = $1 SUBSEP $2; lines[key] = $5; csc[key] = $7; cpu[key] = $8; err[key] = $10; warn[key] = $9; gen[key] = $3; files[key] = $4
    if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
  function cell(s, g,   k) { k = s SUBSEP g
    if (files[k] == 0) return "fails (exit " gen[k] ") | - | - | -"
    return lines[k] " | " csc[k] " | " cpu[k] " | " (err[k] == 0 ? (warn[k] == 0 ? "yes" : "yes, " warn[k] " warnings") : "no, " err[k] " errors") (gen[k] != 0 ? " (generator exit " gen[k] ")" : "") }
  function ratio(a, b) { return (a > 0 && b > 0 && a != "-" && b != "-") ? sprintf("%.2f", a / b) : "-" }
  END {
    split(gens, g, " "); header = "| spec |"; rule = "| --- |"
    for (i = 1; i in g; i++) { header = header " " g[i] " lines | " g[i] " compile s | " g[i] " CPU s | " g[i] " builds |"; rule = rule " --- | --- | --- | --- |" }
    header = header " lines ours/nswag | CPU ours/nswag |"; rule = rule " --- | --- |"
    print header; print rule
    for (r = 1; r <= n; r++) { s = order[r]; row = "| " s " |"
      for (i = 1; i in g; i++) row = row " " cell(s, g[i]) " |"
      row = row " " ratio(lines[s SUBSEP "ours"], lines[s SUBSEP "nswag"]) " | " ratio(cpu[s SUBSEP "ours"], cpu[s SUBSEP "nswag"]) " |"
      print row }
  }' "$results"
echo
echo "An empty project costs $floor_csc s of compile and $floor_cpu s of CPU in the same build; every figure above includes it."
echo "Raw figures: $results" >&2
