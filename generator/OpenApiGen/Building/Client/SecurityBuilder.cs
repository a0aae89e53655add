using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Building;

/// <summary>The credentials a client sends: which schemes each operation uses, and an options member per scheme used.</summary>
internal static class SecurityBuilder
{
    public static IEnumerable<string> SchemesOf(BuildContext context, OpenApiOperation operation)
    {
        // An operation's own 'security' replaces the document's; an empty list means no credentials.
        var requirements = operation.Security ?? context.Spec.Document.Security ?? new List<OpenApiSecurityRequirement>();
        return requirements.SelectMany(static r => r.Keys).Select(static k => k.Reference?.Id).OfType<string>().Distinct(StringComparer.Ordinal);
    }

    public static List<SecuritySchemeModel> Build(BuildContext context, IReadOnlyList<OperationModel> operations)
    {
        var schemes = new List<SecuritySchemeModel>();
        var options = new NameScope("BaseAddress");
        var used = new HashSet<string>(operations.SelectMany(static o => o.Security), StringComparer.Ordinal);
        foreach (var pair in context.Spec.Document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>())
        {
            if (!used.Contains(pair.Key))
            {
                continue;
            }

            var scheme = pair.Value;
            var docs = DocBuilder.ForText(null, scheme.Description);
            switch (scheme.Type)
            {
                case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase):
                    schemes.Add(new SecuritySchemeModel(pair.Key, CredentialKind.Basic, null, null, options.Claim("Username", pair.Key), options.Claim("Password", pair.Key), docs));
                    break;
                case SecuritySchemeType.Http:
                case SecuritySchemeType.OAuth2:
                case SecuritySchemeType.OpenIdConnect:
                    schemes.Add(new SecuritySchemeModel(pair.Key, CredentialKind.Bearer, null, null, options.Claim(scheme.Type == SecuritySchemeType.Http ? "BearerToken" : "AccessToken", pair.Key), null, docs));
                    break;
                case SecuritySchemeType.ApiKey when scheme.Name is { Length: > 0 } keyName && scheme.In is { } location:
                    var option = options.IsTaken("ApiKey") ? Identifier.ToPascalCase(pair.Key) + "ApiKey" : "ApiKey";
                    schemes.Add(new SecuritySchemeModel(pair.Key, CredentialKind.ApiKey, OperationBuilder.LocationOf(location), keyName, options.Claim(option, pair.Key), null, docs));
                    break;
            }
        }

        // A key that travels in the JSON body (x-openapigen-credential) is a scheme of its own, sharing the API key option if there is one.
        if (operations.Any(static o => o.Body is { CredentialProperties.Count: > 0 }))
        {
            var option = schemes.FirstOrDefault(static s => s.Kind == CredentialKind.ApiKey)?.OptionName ?? options.Claim("ApiKey", SchemaFacts.CredentialExtension);
            schemes.Add(new SecuritySchemeModel(SchemaFacts.CredentialExtension, CredentialKind.Body, null, null, option, null, DocModel.Empty));
        }

        return schemes;
    }
}
