using System.ComponentModel;
using System.Text;

namespace OpenApiGen.Runtime;

/// <summary>Where an API key goes.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ApiKeyLocation
{
    /// <summary>A request header.</summary>
    Header,

    /// <summary>A query parameter.</summary>
    Query,

    /// <summary>A cookie.</summary>
    Cookie,
}

/// <summary>
/// One security scheme of a spec and where its credential comes from: the generated client lists its schemes once,
/// each reading the options' member at every request (so a key set later is used), and <see cref="ApiPipeline"/>
/// applies those an operation names. A scheme whose credential is unset sends nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ApiCredential
{
    private protected ApiCredential(string scheme) => Scheme = scheme ?? throw new ArgumentNullException(nameof(scheme));

    /// <summary>The scheme's name in the spec's <c>securitySchemes</c>.</summary>
    public string Scheme { get; }

    /// <summary><c>Authorization: Bearer</c> with the token <paramref name="token"/> returns.</summary>
    public static ApiCredential Bearer(string scheme, Func<string?> token) => new BearerCredential(scheme, token);

    /// <summary><c>Authorization: Basic</c> with the user name and password the two functions return.</summary>
    public static ApiCredential Basic(string scheme, Func<string?> userName, Func<string?> password) => new BasicCredential(scheme, userName, password);

    /// <summary>An API key in a header, the query or a cookie named <paramref name="name"/>.</summary>
    public static ApiCredential ApiKey(string scheme, ApiKeyLocation location, string name, Func<string?> key) => new ApiKeyCredential(scheme, location, name, key);

    /// <summary>
    /// A key the generated request builder puts into the body itself (OpenAPI cannot say so; an
    /// <c>x-openapigen-credential</c> member does): the pipeline sends nothing for it, but removes it from every answer.
    /// </summary>
    public static ApiCredential InBody(string scheme, Func<string?> key) => new BodyCredential(scheme, key);

    /// <summary>The secret values, for removing them from anything the client produces.</summary>
    internal abstract void AddSecrets(List<string?> secrets);

    /// <summary>Puts the credential on the request, when there is one.</summary>
    internal abstract void Apply(ApiRequestBuilder request);

    private sealed class BearerCredential(string scheme, Func<string?> token) : ApiCredential(scheme)
    {
        internal override void AddSecrets(List<string?> secrets) => secrets.Add(token());

        internal override void Apply(ApiRequestBuilder request)
        {
            if (token() is { Length: > 0 } value)
            {
                request.SetHeader("Authorization", "Bearer " + value);
            }
        }
    }

    private sealed class BasicCredential(string scheme, Func<string?> userName, Func<string?> password) : ApiCredential(scheme)
    {
        // Both, as the scrubber forms the base64 of "user:password" from every pair of secrets it is given.
        internal override void AddSecrets(List<string?> secrets)
        {
            secrets.Add(userName());
            secrets.Add(password());
        }

        internal override void Apply(ApiRequestBuilder request)
        {
            if (userName() is { Length: > 0 } user)
            {
                request.SetHeader("Authorization", "Basic " + Encode(user, password()));
            }
        }

        private static string Encode(string user, string? pass) => Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + pass));
    }

    private sealed class ApiKeyCredential(string scheme, ApiKeyLocation location, string name, Func<string?> key) : ApiCredential(scheme)
    {
        internal override void AddSecrets(List<string?> secrets) => secrets.Add(key());

        internal override void Apply(ApiRequestBuilder request)
        {
            if (key() is not { Length: > 0 } value)
            {
                return;
            }

            switch (location)
            {
                case ApiKeyLocation.Header:
                    request.SetHeader(name, value);
                    break;
                case ApiKeyLocation.Query:
                    request.Query(name, value);
                    break;
                default:
                    request.Cookie(name, value);
                    break;
            }
        }
    }

    private sealed class BodyCredential(string scheme, Func<string?> key) : ApiCredential(scheme)
    {
        internal override void AddSecrets(List<string?> secrets) => secrets.Add(key());

        internal override void Apply(ApiRequestBuilder request)
        {
        }
    }
}
