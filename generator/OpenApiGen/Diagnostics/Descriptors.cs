using Microsoft.CodeAnalysis;

namespace OpenApiGen.Diagnostics;

/// <summary>
/// One descriptor per problem, ids with the fixed prefix OAG. Severity is a default: users adjust it in .editorconfig
/// (<c>dotnet_diagnostic.OAG005.severity = error</c>). Keep AnalyzerReleases.Unshipped.md in step.
/// </summary>
internal static class Descriptors
{
    private const string Category = "OpenApiGen";

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "OAG000", "The generator failed on a spec",
        "The generator failed on this spec and emitted nothing for it: {0}. Please report this with the spec.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnreadableDocument = Create(
        "OAG001", "The document is not readable YAML or JSON",
        "The document could not be read: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidOpenApi = Create(
        "OAG002", "The document is not valid OpenAPI",
        "Invalid OpenAPI: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OpenApiWarning = Create(
        "OAG003", "The OpenAPI reader warns about the document",
        "OpenAPI reader warning: {0}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "OAG004", "A $ref does not resolve",
        "The reference '{0}' does not resolve to anything in the document; the value is typed as JsonElement",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "OAG005", "A schema construct is not supported",
        "{0} is not supported here; '{1}' is typed as JsonElement and keeps the raw JSON",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameCollision = Create(
        "OAG006", "Two names collide",
        "The name '{0}' is already taken by {1}; '{2}' is named '{3}' instead",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor OverlayTargetNotFound = Create(
        "OAG007", "An overlay action matches nothing",
        "Overlay action skipped: {0}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidOverlay = Create(
        "OAG008", "The overlay is not valid",
        "Invalid overlay: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OrphanOverlay = Create(
        "OAG009", "An overlay has no spec",
        "The overlay is not applied: no OpenApiSpec item '{0}' is listed in this project",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor IgnoredDefault = Create(
        "OAG010", "A default value does not fit its schema",
        "The default value {0} of '{1}' does not fit its type {2} and is not applied",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidSetting = Create(
        "OAG011", "An OpenApiSpec setting is not valid",
        "The {0} '{1}' is not a valid C# name; using '{2}'",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UncheckedPattern = Create(
        "OAG012", "A pattern is not a .NET regular expression",
        "The pattern '{0}' is not a valid .NET regular expression ({1}); Validate() does not check it",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ObviousReading = Create(
        "OAG013", "The spec says something in another form; its obvious reading is applied",
        "{0}",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ValueLeftOut = Create(
        "OAG014", "A value has no reading and is left out",
        "{0}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedProject = Create(
        "OAG015", "The project cannot compile the generated code",
        "Nothing is generated for {0}: {1}",
        DiagnosticSeverity.Error);

    // OAG020-OAG029: a spec's references to other files (Reading/References).
    public static readonly DiagnosticDescriptor ExternalReferenceRefused = Create(
        "OAG020", "A reference to another file is not followed",
        "The reference '{0}' is not followed: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReferencedFileMissing = Create(
        "OAG021", "A referenced file does not exist",
        "The reference '{0}' names the file '{1}', which does not exist (or the build did not pass it to the generator)",
        DiagnosticSeverity.Error);

    // OAG030-OAG039: the IncludeOperations and ExcludeOperations filters (Reading/OperationFilterApplier.cs).
    public static readonly DiagnosticDescriptor FilterMatchesNothing = Create(
        "OAG030", "A filter matches no operation",
        "The filter '{0}' in {1} matches no operation of this spec; it filters nothing",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MalformedFilter = Create(
        "OAG031", "A filter is malformed",
        "The filter '{0}' in {1} is not tag:<pattern>, path:<pattern> or operation:<pattern>; it is left out",
        DiagnosticSeverity.Error);

    // OAG040-OAG044: several documents forming one client (Building/ClientGroupMerge.cs).
    public static readonly DiagnosticDescriptor GroupTypeRenamed = Create(
        "OAG040", "Two documents of one client define different types of one name",
        "The type '{0}' of this document differs from the type of that name in '{1}', which the client {2} also generates; this one is named '{3}'",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor GroupOperationRenamed = Create(
        "OAG041", "Two documents of one client have operations of one name",
        "The operation '{0}' has the name of an operation of '{1}', which the client {2} also has; this one's method is named '{3}'",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor GroupSchemeDiffers = Create(
        "OAG042", "Two documents of one client define a security scheme of one name differently",
        "The security scheme '{0}' differs from the scheme of that name in '{1}'; the client {2} sends the credential as '{1}' says, for this document's operations too",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor GroupServerDiffers = Create(
        "OAG043", "A document of one client names another server",
        "This document's server '{0}' is not the client {1}'s ('{2}'): its operations are sent to '{0}' unless the options' BaseAddress is set, which every operation then uses",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor GroupNamesUnresolved = Create(
        "OAG044", "The documents of one client could not be given distinct names",
        "The names of this document still clash with those of the other documents of the client {0} after {1} rounds of renaming ({2}); the document is left out of the client",
        DiagnosticSeverity.Error);

    // OAG050-OAG054: form bodies and parameter styles (Building/Client/FormBodyBuilder.cs, ParameterStyles.cs).
    public static readonly DiagnosticDescriptor FormBodyNotObject = Create(
        "OAG050", "A form body is not an object",
        "The application/x-www-form-urlencoded body's schema is {0}, not an object a form writes member by member; {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EncodingNamesNoMember = Create(
        "OAG051", "An encoding names no member of its form",
        "The encoding of '{0}' names no property of the form body; it is ignored",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EncodingNotHonoured = Create(
        "OAG052", "A form member's encoding is not one a form body can honour",
        "The encoding of '{0}' ({1}) is not honoured in an application/x-www-form-urlencoded body; {2}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ReservedEscaped = Create(
        "OAG053", "Reserved characters are escaped in a form all the same",
        "The encoding of '{0}' allows reserved characters; they are percent-encoded all the same, which a form reader decodes to the same text",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor StyleNotApplicable = Create(
        "OAG054", "A parameter's style does not apply to its place or type",
        "The parameter '{0}' has style '{1}', which OpenAPI defines for {2}; it is written in style '{3}'",
        DiagnosticSeverity.Warning);

    // OAG055-OAG059: specs as found in the wild (issue 17).
    public static readonly DiagnosticDescriptor LenientYaml = Create(
        "OAG055", "The YAML breaks a rule of the YAML specification; it is read the way its author meant",
        "Read leniently: {0}",
        DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true);
}
