using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
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

        // The static answer descriptions are private fields beside the methods: s_getTaskDetail for GetTaskDetail.
        var fields = new NameScope("_pipeline", "_options");
        var described = operations.Select(o => o with { DescriptionName = fields.Claim("s_" + char.ToLowerInvariant(o.Name[0]) + o.Name.Substring(1), o.Name) });
        return new ClientModel(
            optionsName,
            context.Names.InterfaceName,
            context.Names.RegistrationName,
            ServerAddress(context.Spec.Document.Servers),
            described.ToEquatableArray(),
            schemes.ToEquatableArray(),
            context.JsonInfos.Roots());
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
