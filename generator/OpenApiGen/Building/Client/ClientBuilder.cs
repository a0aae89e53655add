using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Building;

/// <summary>The client for a spec: its operations, its options (where it sends, the credentials), and the types its JSON context serves.</summary>
internal static class ClientBuilder
{
    public static ClientModel Build(BuildContext context, List<OperationModel> operations)
    {
        var client = context.Input.ClientName;
        var optionsName = context.Names.ClaimQuietly(client + "Options", "the client's options");
        var schemes = SecurityBuilder.Build(context, operations);
        ReportOtherServer(context);

        // The static answer descriptions are private fields beside the methods: s_getTaskDetail for GetTaskDetail.
        var fields = new NameScope("_pipeline", "_options");
        var described = operations.Select(o => o with { DescriptionName = fields.Claim("s_" + char.ToLowerInvariant(o.Name[0]) + o.Name.Substring(1), o.Name) });
        return new ClientModel(
            optionsName,
            context.Names.InterfaceName,
            context.Names.RegistrationName,
            ClientServer(context),
            described.ToEquatableArray(),
            schemes.ToEquatableArray(),
            context.JsonInfos.Roots());
    }

    /// <summary>
    /// Where the client sends by default: its document's server or, in a client of several documents, the one most of
    /// them name; a document that names another is told so (OAG043), and its operations carry it (OperationBuilder).
    /// </summary>
    public static string? ClientServer(BuildContext context)
    {
        var document = ServerAddress(context.Spec.Document.Servers);
        return context.Input.Group is { Server: { } client } ? client : document;
    }

    private static void ReportOtherServer(BuildContext context)
    {
        if (context.Input.Group is { Server: { } client } group && ServerAddress(context.Spec.Document.Servers) is { } document && document != client)
        {
            context.Report(Descriptors.GroupServerDiffers, "/servers", document, group.Client, client);
        }
    }

    /// <summary>The first of <paramref name="servers"/> (the document's, a path's or an operation's), its variables at their defaults, when that is an absolute HTTP(S) address.</summary>
    public static string? ServerAddress(IList<OpenApiServer>? servers)
    {
        if (servers is not { Count: > 0 } || servers[0].Url is not { Length: > 0 } url)
        {
            return null;
        }

        foreach (var variable in servers[0].Variables ?? new Dictionary<string, OpenApiServerVariable>())
        {
            url = url.Replace("{" + variable.Key + "}", variable.Value.Default ?? string.Empty);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)
            ? absolute.AbsoluteUri
            : null;
    }
}
