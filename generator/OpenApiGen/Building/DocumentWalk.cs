using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Building;

/// <summary>
/// Reaches every schema the document uses, in document order: components, then the component responses, request
/// bodies and parameters, then each path's operations (and their callbacks), then webhooks. Each schema met is typed
/// and the worklist drained before the next, so names are claimed in that order; each operation of the API's own
/// paths becomes a client method once its types are built.
/// </summary>
internal static class DocumentWalk
{
    public static List<OperationModel> Run(BuildContext context)
    {
        var operations = new List<OperationModel>();
        foreach (var pair in context.Components)
        {
            TypeResolver.ResolveComponent(context, pair.Key);
            context.Worklist.Drain(context);
        }

        var components = context.Spec.Document.Components;
        if (components is not null)
        {
            // A component that is a $ref to another component is walked there, so its schemas are named where they are declared.
            foreach (var pair in components.Responses ?? Empty<IOpenApiResponse>())
            {
                if (pair.Value is OpenApiResponseReference { Reference: { IsExternal: false, Id: { } target } } && target != pair.Key && components.Responses!.ContainsKey(target))
                {
                    continue;
                }

                Content(context, pair.Value.Content, Suffixed(Identifier.ToPascalCase(pair.Key), "Response"), "/components/responses/" + SchemaFacts.Escape(pair.Key));
            }

            foreach (var pair in components.RequestBodies ?? Empty<IOpenApiRequestBody>())
            {
                if (pair.Value is OpenApiRequestBodyReference { Reference: { IsExternal: false, Id: { } target } } && target != pair.Key && components.RequestBodies!.ContainsKey(target))
                {
                    continue;
                }

                Content(context, pair.Value.Content, Suffixed(Identifier.ToPascalCase(pair.Key), "Request"), "/components/requestBodies/" + SchemaFacts.Escape(pair.Key));
            }

            foreach (var pair in components.Parameters ?? Empty<IOpenApiParameter>())
            {
                Parameter(context, pair.Value, Identifier.ToPascalCase(pair.Key), "/components/parameters/" + SchemaFacts.Escape(pair.Key));
            }
        }

        foreach (var path in context.Spec.Document.Paths ?? new OpenApiPaths())
        {
            PathItem(context, path.Value, name: null, "/paths/" + SchemaFacts.Escape(path.Key), path.Key, operations);
        }

        foreach (var webhook in context.Spec.Document.Webhooks ?? Empty<IOpenApiPathItem>())
        {
            PathItem(context, webhook.Value, Identifier.ToPascalCase(webhook.Key), "/webhooks/" + SchemaFacts.Escape(webhook.Key), webhook.Key, operations: null);
        }

        return operations;
    }

    /// <summary>Every schema an operation uses; for the API's own paths (<paramref name="operations"/> given), also its client method.</summary>
    private static void PathItem(BuildContext context, IOpenApiPathItem item, string? name, string pointer, string path, List<OperationModel>? operations)
    {
        if (item.Operations is null)
        {
            return;
        }

        foreach (var pair in item.Operations)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var method = pair.Key.Method.ToLowerInvariant();
            var operation = pair.Value;
            var operationName = operation.OperationId is { Length: > 0 } id
                ? Identifier.ToPascalCase(id)
                : name is not null && item.Operations.Count == 1 ? name : Identifier.ToPascalCase(method + " " + (name ?? path));
            var operationPointer = pointer + "/" + method;

            if (item.Parameters is not null)
            {
                for (var i = 0; i < item.Parameters.Count; i++)
                {
                    Parameter(context, item.Parameters[i], operationName + Identifier.ToPascalCase(item.Parameters[i].Name ?? "Parameter"), pointer + "/parameters/" + i);
                }
            }

            if (operation.Parameters is not null)
            {
                for (var i = 0; i < operation.Parameters.Count; i++)
                {
                    Parameter(context, operation.Parameters[i], operationName + Identifier.ToPascalCase(operation.Parameters[i].Name ?? "Parameter"), operationPointer + "/parameters/" + i);
                }
            }

            Content(context, operation.RequestBody?.Content, operationName + "Request", operationPointer + "/requestBody");

            foreach (var response in operation.Responses ?? new OpenApiResponses())
            {
                Content(context, response.Value.Content, BodyBuilder.ResponseName(operationName, response.Key), operationPointer + "/responses/" + SchemaFacts.Escape(response.Key));
            }

            foreach (var callback in operation.Callbacks ?? Empty<IOpenApiCallback>())
            {
                foreach (var callbackPath in callback.Value.PathItems ?? new Dictionary<RuntimeExpression, IOpenApiPathItem>())
                {
                    PathItem(
                        context,
                        callbackPath.Value,
                        operationName + Identifier.ToPascalCase(callback.Key),
                        operationPointer + "/callbacks/" + SchemaFacts.Escape(callback.Key) + "/" + SchemaFacts.Escape(callbackPath.Key.Expression),
                        callbackPath.Key.Expression,
                        operations: null);
                }
            }

            operations?.Add(OperationBuilder.Build(context, path, pair.Key.Method, operation, item.Parameters, operationName, operationPointer, pointer, item.Servers));
        }
    }

    private static void Parameter(BuildContext context, IOpenApiParameter parameter, string name, string pointer)
    {
        if (parameter.Schema is not null)
        {
            Schema(context, parameter.Schema, name, pointer + "/schema");
        }

        Content(context, parameter.Content, name, pointer);
    }

    private static void Content(BuildContext context, IDictionary<string, IOpenApiMediaType>? content, string name, string pointer)
    {
        if (content is null)
        {
            return;
        }

        // An XML form of a body that also comes as JSON is the same data in a form the client never reads or writes;
        // typing it too would only add a second class (GetPetResponse2) for the same thing.
        var hasJson = content.Keys.Any(MediaTypes.IsJson);
        foreach (var media in content)
        {
            if (media.Value.Schema is not null && !(hasJson && MediaTypes.IsXml(media.Key)))
            {
                Schema(context, media.Value.Schema, name, pointer + "/content/" + SchemaFacts.Escape(media.Key) + "/schema");
            }
        }
    }

    private static void Schema(BuildContext context, IOpenApiSchema schema, string name, string pointer)
    {
        TypeResolver.Resolve(context, schema, name, pointer);
        context.Worklist.Drain(context);
    }

    private static string Suffixed(string name, string suffix) => name.EndsWith(suffix, StringComparison.Ordinal) ? name : name + suffix;

    private static IDictionary<string, T> Empty<T>() => new Dictionary<string, T>();
}
