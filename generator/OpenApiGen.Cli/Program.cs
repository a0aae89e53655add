using System.CommandLine;
using System.CommandLine.Help;
using OpenApiGen.Cli;
using OpenApiGen.Cli.Diff;
using OpenApiGen.Cli.Extract;

var spec = new Argument<FileInfo[]>("spec")
{
    Description = "The OpenAPI 3.0/3.1 document (YAML or JSON); several make one client, as OpenApiSpec items of the same ClientName and Namespace do in the build.",
    Arity = ArgumentArity.OneOrMore,
};
var overlays = new Option<FileInfo[]>("--overlay") { Description = "An OpenAPI Overlay 1.0 document to apply first; repeatable. <spec>.overlay.yaml beside the spec is applied as in the build." };
var ns = new Option<string>("--namespace") { Description = "The namespace of the generated code.", Required = true };
var client = new Option<string?>("--client-name") { Description = "The client class's name (default: <FileName>Client)." };
var output = new Option<DirectoryInfo>("--out") { Description = "The folder the files are written to.", Required = true };
var registrations = new Option<bool>("--registrations") { Description = "Also write services.AddXxxClient(), as the build does when Microsoft.Extensions.Http is referenced." };
var embedDocument = new Option<bool>("--embed-document") { Description = "Also write <Prefix>OpenApiDocument: the spec after its overlays as a JSON constant, as EmbedDocument=\"true\" does in the build." };

var include = new Option<string[]>("--include")
{
    Description = "Generate only the operations a selector matches, as IncludeOperations in the build: tag:<pattern>, path:<pattern> or operation:<pattern> (* any run but '/', ** any run); repeatable, or ';'-separated.",
};
var exclude = new Option<string[]>("--exclude")
{
    Description = "Leave out the operations a selector matches (after --include), as ExcludeOperations in the build; same selectors.",
};

var generate = new Command("generate", "Writes the files the OpenApiGen source generator would emit for a spec, byte for byte.")
{
    spec, overlays, ns, client, output, registrations, embedDocument, include, exclude,
};
generate.SetAction((parseResult, cancellationToken) => Task.FromResult(CommandLineGenerator.Run(
    new GenerateRequest(
        parseResult.GetValue(spec)![0],
        parseResult.GetValue(overlays) ?? [],
        parseResult.GetValue(ns)!,
        parseResult.GetValue(client),
        parseResult.GetValue(output)!,
        parseResult.GetValue(registrations),
        parseResult.GetValue(embedDocument),
        parseResult.GetValue(include),
        parseResult.GetValue(exclude)) { MoreSpecs = parseResult.GetValue(spec)![1..] },
    Console.Out,
    Console.Error,
    cancellationToken)));

// A root named for the tool's command: a RootCommand takes the assembly's name (OpenApiGen.Cli, which cannot be
// openapigen beside the generator's OpenApiGen.dll on a case-insensitive file system) for its usage line.
var root = new Command("openapigen", "openapigen: C# models and clients from OpenAPI documents, as the OpenApiGen source generator writes them.")
{
    generate, ExtractCommand.Create(), DiffCommand.Create(), new HelpOption(), new VersionOption(),
};
return await root.Parse(args).InvokeAsync();
