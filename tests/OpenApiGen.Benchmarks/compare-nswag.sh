#!/usr/bin/env bash
# Whole-process comparison on the same specs in one run: `openapigen generate` (NativeAOT, and ReadyToRun) vs NSwag's
# openapi2csclient (npm package nswag 14.7.1, run on .NET 10): median wall time and peak memory over RUNS runs,
# lines of output, and whether each output compiles. On demand only; prints a markdown table and the ratios.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${CORPUS:-$root/../shared/openapi-corpus}
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -f "$here/node_modules/nswag/bin/binaries/Net100/dotnet-nswag.dll" ]; then
  (cd "$here" && npm install --no-save --no-audit --no-fund nswag@14.7.1 >/dev/null)
fi
nswag="$here/node_modules/nswag/bin/binaries/Net100/dotnet-nswag.dll"
dotnet publish "$root/generator/OpenApiGen.Cli" -c Release -r linux-x64 -p:OpenApiGenNativeAot=true -o "$work/openapigen" >/dev/null
dotnet publish "$root/generator/OpenApiGen.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/openapigen-r2r" >/dev/null
dotnet build "$root/generator/OpenApiGen.Runtime" -c Release >/dev/null
runtime_dll="$root/generator/OpenApiGen.Runtime/bin/Release/net8.0/OpenApiGen.Runtime.dll"

# Median wall seconds and peak RSS (KB) of a command over $runs runs.
measure() {
  local times=() mems=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
    read -r t m < "$work/time"
    times+=("$t"); mems+=("$m")
  done
  local t m
  t=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  m=$(printf '%s\n' "${mems[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$t $m"
}

# Builds a folder of C# with warnings as errors (ours) or as the peer would ship it (nswag); prints "yes" or "no (N errors)".
compiles() {
  local dir=$1 flavour=$2 project="$1/check.csproj"
  if [ "$flavour" = ours ]; then
    cat > "$project" <<XML
<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors><ImplicitUsings>disable</ImplicitUsings><NoWarn>CS1591</NoWarn></PropertyGroup>
<ItemGroup><Reference Include="$runtime_dll" /></ItemGroup></Project>
XML
  else
    cat > "$project" <<XML
<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>disable</Nullable><ImplicitUsings>disable</ImplicitUsings><NoWarn>CS1591</NoWarn></PropertyGroup>
<ItemGroup><PackageReference Include="Newtonsoft.Json" Version="13.0.1" /></ItemGroup></Project>
XML
  fi
  local log="$dir/build.log"
  if dotnet build "$project" -nologo -clp:NoSummary > "$log" 2>&1; then echo "yes"; else echo "no ($(grep -c ' error ' "$log") errors)"; fi
}

echo "| spec | openapigen s | openapigen R2R s | nswag s | speed-up | openapigen MB | nswag MB | openapigen lines | nswag lines | openapigen compiles | nswag compiles |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for spec in "$corpus"/*.json "$corpus"/*.yaml; do
  name=$(basename "$spec")
  ours_out="$work/ours/$name"; theirs_out="$work/nswag/$name"
  mkdir -p "$ours_out" "$theirs_out"
  read -r ours_t ours_m < <(measure "$work/openapigen/OpenApiGen.Cli" generate "$spec" --namespace Corpus.Api --out "$ours_out")
  read -r r2r_t _ < <(measure "$work/openapigen-r2r/OpenApiGen.Cli" generate "$spec" --namespace Corpus.Api --out "$work/r2r/$name")
  read -r nswag_t nswag_m < <(measure dotnet "$nswag" openapi2csclient "/input:$spec" "/output:$theirs_out/Client.cs" /namespace:Corpus.Api)
  ours_lines=$(cat "$ours_out"/*.cs | wc -l)
  nswag_lines=$(wc -l < "$theirs_out/Client.cs")
  ratio=$(awk -v a="$nswag_t" -v b="$ours_t" 'BEGIN { printf "%.1fx", a / b }')
  echo "| $name | $ours_t | $r2r_t | $nswag_t | $ratio | $((ours_m / 1024)) | $((nswag_m / 1024)) | $ours_lines | $nswag_lines | $(compiles "$ours_out" ours) | $(compiles "$theirs_out" nswag) |"
done
