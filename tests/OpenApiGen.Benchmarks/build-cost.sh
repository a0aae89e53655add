#!/usr/bin/env bash
# What the generator costs a build: the same vendor code built two ways, outside this repository so nothing else
# differs. "with" consumes the generator as a user does (its DLLs as analyzers, the specs as OpenApiSpec items through
# Directory.Build.targets); "without" compiles the files the generator wrote as plain sources. Prints the median of
# RUNS no-op builds (nothing changed) and of RUNS builds after touching one C# file, and their ratios.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/QwenImageEdit.Vendors" -c Release >/dev/null
generated="$root/src/QwenImageEdit.Vendors/obj/Release/net10.0/generated/OpenApiGen/OpenApiGen.OpenApiSourceGenerator"
generator="$root/generator/OpenApiGen/bin/Release/netstandard2.0"
runtime="$root/generator/OpenApiGen.Runtime/bin/Release/net8.0/OpenApiGen.Runtime.dll"
openapi=$(find ~/.nuget/packages/microsoft.openapi/3.11.0/lib/netstandard2.0 -name Microsoft.OpenApi.dll)
yaml=$(find ~/.nuget/packages/yamldotnet/16.3.0/lib/netstandard2.0 -name YamlDotNet.dll)
markdig=$(find ~/.nuget/packages/markdig/1.6.0/lib/netstandard2.0 -name Markdig.dll)

common='<TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors><ImplicitUsings>disable</ImplicitUsings><NoWarn>CS1591</NoWarn>'
mkdir -p "$work/with" "$work/without"
cat > "$work/with/With.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>$common</PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Extensions.Http" Version="10.0.14" />
    <Reference Include="$runtime" />
    <Analyzer Include="$generator/OpenApiGen.dll;$openapi;$yaml;$markdig" />
    <OpenApiSpec Include="$root/specs/evolink/qwen-image-edit.yaml" Namespace="QwenImageEdit.Vendors.EvoLink.ImageEdit" ClientName="EvoLinkImageEditClient" />
    <OpenApiSpec Include="$root/specs/evolink/qwen-image-edit-plus.yaml" Namespace="QwenImageEdit.Vendors.EvoLink.ImageEditPlus" ClientName="EvoLinkImageEditPlusClient" />
    <OpenApiSpec Include="$root/specs/evolink/tasks.yaml" Namespace="QwenImageEdit.Vendors.EvoLink.Tasks" ClientName="EvoLinkTasksClient" />
    <OpenApiSpec Include="$root/specs/evolink/files.yaml" Namespace="QwenImageEdit.Vendors.EvoLink.Files" ClientName="EvoLinkFilesClient" />
    <OpenApiSpec Include="$root/specs/modelslab/qwen-edit.yaml" Namespace="QwenImageEdit.Vendors.ModelsLab.QwenEdit" ClientName="ModelsLabQwenEditClient" />
    <OpenApiSpec Include="$root/specs/modelslab/fetch.yaml" Namespace="QwenImageEdit.Vendors.ModelsLab.Fetch" ClientName="ModelsLabFetchClient" />
    <OpenApiSpec Include="$root/specs/modelslab/base64-to-url.yaml" Namespace="QwenImageEdit.Vendors.ModelsLab.Uploads" ClientName="ModelsLabUploadsClient" />
    <OpenApiSpec Include="$root/specs/apikley/qwen-image-edit.yaml" Namespace="QwenImageEdit.Vendors.Apikley.ImageEdit" ClientName="ApikleyImageEditClient" />
    <OpenApiSpec Include="$root/specs/apikley/record-info.yaml" Namespace="QwenImageEdit.Vendors.Apikley.Tasks" ClientName="ApikleyTasksClient" />
    <OpenApiSpec Include="$root/specs/apikley/file-upload.yaml" Namespace="QwenImageEdit.Vendors.Apikley.Files" ClientName="ApikleyFilesClient" />
  </ItemGroup>
  <Import Project="$root/Directory.Build.targets" />
</Project>
XML
cat > "$work/without/Without.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>$common</PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Extensions.Http" Version="10.0.14" />
    <Reference Include="$runtime" />
  </ItemGroup>
</Project>
XML
cp "$generated"/*.cs "$work/without/"
echo "// edited" > "$work/with/Edit.cs"; cp "$work/with/Edit.cs" "$work/without/Edit.cs"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_build() { # project, touch?
  local project=$1 touch=$2 times=()
  for _ in $(seq "$runs"); do
    [ "$touch" = yes ] && echo "// edited $RANDOM" > "$(dirname "$project")/Edit.cs"
    local start end
    start=$(date +%s.%N)
    dotnet build "$project" -c Release --no-restore -nologo -v q >/dev/null
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
  done
  printf '%s\n' "${times[@]}" | median
}

for project in "$work/with/With.csproj" "$work/without/Without.csproj"; do
  dotnet build "$project" -c Release -nologo -v q >/dev/null   # restore and a first full build
done

with_noop=$(time_build "$work/with/With.csproj" no)
without_noop=$(time_build "$work/without/Without.csproj" no)
with_edit=$(time_build "$work/with/With.csproj" yes)
without_edit=$(time_build "$work/without/Without.csproj" yes)
echo "| build | with the generator s | without s | ratio |"
echo "| --- | --- | --- | --- |"
echo "| no-op (nothing changed) | $with_noop | $without_noop | $(awk -v a="$with_noop" -v b="$without_noop" 'BEGIN { printf "%.3f", a / b }') |"
echo "| one C# file edited | $with_edit | $without_edit | $(awk -v a="$with_edit" -v b="$without_edit" 'BEGIN { printf "%.3f", a / b }') |"
