namespace OpenApiGen.Reading;

/// <summary>
/// Where a node sits in an OpenAPI 3.x document, as far as a <c>$ref</c> in it is concerned: what it must resolve to
/// (a schema, a parameter, a path item...), or nothing at all, because under <c>example</c>, <c>default</c>,
/// <c>enum</c>, <c>const</c> and <c>x-</c> extensions a member named <c>$ref</c> is data.
/// </summary>
internal enum ReferencePlace
{
    Document,
    Paths,
    PathItem,
    Operation,
    Parameters,
    Parameter,
    RequestBodies,
    RequestBody,
    Responses,
    Response,
    Content,
    MediaType,
    Encodings,
    Encoding,
    Headers,
    Header,
    Examples,
    Example,
    Links,
    Link,
    Callbacks,
    Callback,
    SecuritySchemes,
    SecurityScheme,
    Components,
    SchemaMap,
    Schema,
    DiscriminatorMapping,

    /// <summary>A part of the document this walk has no rule for: references there are followed, and inlined.</summary>
    Other,

    /// <summary>Literal values: nothing below is a reference.</summary>
    Data,
}

/// <summary>The rules of <see cref="ReferencePlace"/>: the place of a member from its parent's place and its name.</summary>
internal static class ReferencePlaces
{
    /// <summary>The place of member <paramref name="name"/> of an object at <paramref name="parent"/>.</summary>
    public static ReferencePlace Member(ReferencePlace parent, string name)
    {
        if (parent == ReferencePlace.Data || name.StartsWith("x-", System.StringComparison.Ordinal))
        {
            return ReferencePlace.Data;
        }

        return parent switch
        {
            ReferencePlace.Document => name switch
            {
                "paths" or "webhooks" => ReferencePlace.Paths,
                "components" => ReferencePlace.Components,
                _ => ReferencePlace.Other,
            },
            ReferencePlace.Components => name switch
            {
                "schemas" => ReferencePlace.SchemaMap,
                "parameters" => ReferencePlace.Parameters,
                "responses" => ReferencePlace.Responses,
                "requestBodies" => ReferencePlace.RequestBodies,
                "headers" => ReferencePlace.Headers,
                "examples" => ReferencePlace.Examples,
                "links" => ReferencePlace.Links,
                "callbacks" => ReferencePlace.Callbacks,
                "securitySchemes" => ReferencePlace.SecuritySchemes,
                "pathItems" => ReferencePlace.Paths,
                _ => ReferencePlace.Other,
            },
            ReferencePlace.Paths => ReferencePlace.PathItem,
            ReferencePlace.PathItem => name switch
            {
                "parameters" => ReferencePlace.Parameters,
                "get" or "put" or "post" or "delete" or "options" or "head" or "patch" or "trace" or "query" => ReferencePlace.Operation,
                _ => ReferencePlace.Other,
            },
            ReferencePlace.Operation => name switch
            {
                "parameters" => ReferencePlace.Parameters,
                "requestBody" => ReferencePlace.RequestBody,
                "responses" => ReferencePlace.Responses,
                "callbacks" => ReferencePlace.Callbacks,
                _ => ReferencePlace.Other,
            },
            ReferencePlace.Parameters => ReferencePlace.Parameter,
            ReferencePlace.RequestBodies => ReferencePlace.RequestBody,
            ReferencePlace.Responses => ReferencePlace.Response,
            ReferencePlace.Headers => ReferencePlace.Header,
            ReferencePlace.Examples => ReferencePlace.Example,
            ReferencePlace.Links => ReferencePlace.Link,
            ReferencePlace.Callbacks => ReferencePlace.Callback,
            ReferencePlace.Callback => ReferencePlace.PathItem,
            ReferencePlace.SecuritySchemes => ReferencePlace.SecurityScheme,
            ReferencePlace.Content => ReferencePlace.MediaType,
            ReferencePlace.Encodings => ReferencePlace.Encoding,
            ReferencePlace.SchemaMap => ReferencePlace.Schema,
            ReferencePlace.Parameter or ReferencePlace.Header => name switch
            {
                "schema" => ReferencePlace.Schema,
                "content" => ReferencePlace.Content,
                "examples" => ReferencePlace.Examples,
                "example" => ReferencePlace.Data,
                _ => ReferencePlace.Other,
            },
            ReferencePlace.RequestBody or ReferencePlace.Response => name switch
            {
                "content" => ReferencePlace.Content,
                "headers" => ReferencePlace.Headers,
                "links" => ReferencePlace.Links,
                _ => ReferencePlace.Other,
            },
            ReferencePlace.MediaType => name switch
            {
                "schema" or "itemSchema" => ReferencePlace.Schema,
                "examples" => ReferencePlace.Examples,
                "encoding" => ReferencePlace.Encodings,
                "example" => ReferencePlace.Data,
                _ => ReferencePlace.Other,
            },
            ReferencePlace.Encoding => name == "headers" ? ReferencePlace.Headers : ReferencePlace.Other,
            ReferencePlace.Example or ReferencePlace.Link or ReferencePlace.SecurityScheme or ReferencePlace.DiscriminatorMapping => ReferencePlace.Data,
            ReferencePlace.Schema => name switch
            {
                "properties" or "patternProperties" or "$defs" or "definitions" or "dependentSchemas" => ReferencePlace.SchemaMap,
                "example" or "examples" or "default" or "const" or "enum" => ReferencePlace.Data,
                "discriminator" => ReferencePlace.Other,
                "xml" or "externalDocs" => ReferencePlace.Data,
                // allOf, items, not, additionalProperties, if/then/else...: schemas, or arrays of them.
                _ when IsSchemaKeyword(name) => ReferencePlace.Schema,
                _ => ReferencePlace.Data,
            },
            ReferencePlace.Other => name == "mapping" ? ReferencePlace.DiscriminatorMapping : ReferencePlace.Other,
            _ => ReferencePlace.Other,
        };
    }

    /// <summary>The place of an array's items: parameters in a parameter list; schemas in allOf, prefixItems or items as an array.</summary>
    public static ReferencePlace Item(ReferencePlace parent) => parent == ReferencePlace.Parameters ? ReferencePlace.Parameter : parent;

    private static bool IsSchemaKeyword(string name) => name is
        "allOf" or "anyOf" or "oneOf" or "not" or "items" or "prefixItems" or "additionalItems" or "additionalProperties"
        or "unevaluatedItems" or "unevaluatedProperties" or "propertyNames" or "contains" or "if" or "then" or "else"
        or "contentSchema";
}
