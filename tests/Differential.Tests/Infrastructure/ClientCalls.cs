using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSwag;
using OpenApiGen.Runtime;

namespace Differential.Tests.Infrastructure;

/// <summary>What one client did with one operation: the request it sent, and what it returned or threw.</summary>
/// <param name="Request">The request, as the handler recorded it.</param>
/// <param name="Result">What it read from the answer, written back as JSON by the client's own serializer; null when it threw or returned nothing.</param>
/// <param name="Error">For an error answer: the documented error body it read (from its <c>ApiException&lt;T&gt;</c>), written back as JSON.</param>
/// <param name="Thrown">What it threw, if anything.</param>
internal sealed record ClientOutcome(RecordedRequest? Request, JsonNode? Result, JsonNode? Error, Exception? Thrown);

/// <summary>
/// Calls one operation on our generated client and on NSwag's, with the same sample, each against its own
/// <see cref="RecordingHandler"/> giving the same answer. Arguments are matched to the spec by name (letters and
/// digits, case ignored: <c>task_id</c> and <c>taskId</c> are one), bodies and parameters are read from the sample's
/// JSON by each client's own serializer, and results written back by the same.
/// </summary>
internal static class ClientCalls
{
    public const string Key = "test-key-0123";

    public static async Task<ClientOutcome> OursAsync(string ns, OpenApiOperation operation, OperationSample sample, CannedAnswer answer)
    {
        var clientType = VendorClients.Client(ns);
        var options = VendorClients.JsonOptions(ns);
        var method = clientType.GetMethod(PascalCase(operation.OperationId) + "Async") ?? throw new InvalidOperationException($"{clientType.Name} has no method for {operation.OperationId}");
        var handler = new RecordingHandler(answer);
        var constructor = clientType.GetConstructors().Single(static c => c.GetParameters().Length == 2);
        var clientOptions = Activator.CreateInstance(constructor.GetParameters()[1].ParameterType)!;
        foreach (var credential in new[] { "BearerToken", "ApiKey", "Username", "Password" })
        {
            clientOptions.GetType().GetProperty(credential)?.SetValue(clientOptions, Key);
        }

        var client = constructor.Invoke([new HttpClient(handler), clientOptions]);
        var specParameters = SpecParameters(operation);
        object?[] arguments;
        try
        {
            arguments = method.GetParameters().Select(p =>
        {
            if (p.ParameterType == typeof(CancellationToken))
            {
                return CancellationToken.None;
            }

            if (typeof(ApiRequestOptions).IsAssignableFrom(p.ParameterType))
            {
                return OurOptions(p.ParameterType, specParameters, sample, options);
            }

            if (!specParameters.Contains(Normalize(p.Name!)))
            {
                return OurBody(p, sample, options);
            }

            return sample.Parameters.FirstOrDefault(k => Normalize(k.Key) == Normalize(p.Name!)) is { Key: not null } parameter
                ? ReadOurs(parameter.Value, p.ParameterType, options)
                : null;
        }).ToArray();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            return new ClientOutcome(null, null, null, new ArgumentException("cannot take the sample: " + e.Message, e));
        }

        return await InvokeAsync(client, method, arguments, handler, value => WriteOurs(value, options), static e => e.GetType().GetProperty("Error")?.GetValue(e));
    }

    public static async Task<ClientOutcome> NSwagAsync(NSwagClient nswag, string path, string httpMethod, OpenApiOperation operation, OperationSample sample, CannedAnswer answer)
    {
        var method = nswag.Method(path, httpMethod, operation);
        var handler = new RecordingHandler(answer);
        var client = Activator.CreateInstance(nswag.Client, new HttpClient(handler))!;
        var settings = (Newtonsoft.Json.JsonSerializerSettings)nswag.Client.GetProperty("JsonSerializerSettings", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(client)!;
        var body = sample.Body as JsonObject;
        var specParameters = SpecParameters(operation);
        object?[] arguments;
        try
        {
            arguments = method.GetParameters().Select(p =>
        {
            if (p.ParameterType == typeof(CancellationToken))
            {
                return CancellationToken.None;
            }

            if (specParameters.Contains(Normalize(p.Name!)))
            {
                return sample.Parameters.FirstOrDefault(k => Normalize(k.Key) == Normalize(p.Name!)) is { Key: not null } parameter
                    ? ReadNSwag(parameter.Value, p.ParameterType, settings)
                    : null;
            }

            // A multipart body is one method parameter per form field.
            if (p.ParameterType.Name == "FileParameter")
            {
                return Activator.CreateInstance(p.ParameterType, new MemoryStream(OperationSample.FileBytes), "sample.png", "image/png");
            }

            if (sample.BodyMediaType?.StartsWith("multipart/", StringComparison.Ordinal) == true)
            {
                return body?.FirstOrDefault(m => Normalize(m.Key) == Normalize(p.Name!)) is { Key: not null } field ? ReadNSwag(field.Value, p.ParameterType, settings) : null;
            }

            return sample.Body is null ? null : ReadNSwag(sample.Body, p.ParameterType, settings);
        }).ToArray();
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            return new ClientOutcome(null, null, null, new ArgumentException("cannot take the sample: " + e.Message, e));
        }

        return await InvokeAsync(client, method, arguments, handler, value => Bytes(value) ?? (value is null ? null : JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(value, settings))), static e => e.GetType().GetProperty("Result")?.GetValue(e));
    }

    private static async Task<ClientOutcome> InvokeAsync(object client, MethodInfo method, object?[] arguments, RecordingHandler handler, Func<object?, JsonNode?> write, Func<Exception, object?> errorBody)
    {
        try
        {
            // Ours answer an event stream as an IAsyncEnumerable<T>: read as the list of what it yields.
            if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
            {
                var collect = (Task<List<object?>>)typeof(ClientCalls).GetMethod(nameof(CollectAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(method.ReturnType.GetGenericArguments()[0]).Invoke(null, [method.Invoke(client, arguments)])!;
                var events = await collect;
                return new ClientOutcome(handler.Requests.SingleOrDefault(), new JsonArray(events.Select(write).ToArray()), null, null);
            }

            var task = (Task)method.Invoke(client, arguments)!;
            await task;
            var result = method.ReturnType.IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;

            // Ours answer an ApiResponse<T> (the value beside the status and headers), or an ApiResponse without one.
            if (result is ApiResponse response)
            {
                result = response.GetType().IsGenericType ? response.GetType().GetProperty("Value")!.GetValue(response) : null;
            }

            return new ClientOutcome(handler.Requests.SingleOrDefault(), write(result), null, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var thrown = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            var isTyped = thrown.GetType().IsGenericType;
            return new ClientOutcome(handler.Requests.SingleOrDefault(), null, isTyped ? write(errorBody(thrown)) : null, thrown);
        }
    }

    private static async Task<List<object?>> CollectAsync<T>(IAsyncEnumerable<T> events)
    {
        var list = new List<object?>();
        await foreach (var item in events)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>
    /// The per-call options: none, or for an operation with many optional parameters its generated options class, those
    /// the sample gives set on it by name.
    /// </summary>
    private static object? OurOptions(Type type, HashSet<string> specParameters, OperationSample sample, JsonSerializerOptions options)
    {
        if (type == typeof(ApiRequestOptions))
        {
            return null;
        }

        var bag = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties().Where(p => p.DeclaringType == type && specParameters.Contains(Normalize(p.Name))))
        {
            if (sample.Parameters.FirstOrDefault(k => Normalize(k.Key) == Normalize(property.Name)) is { Key: not null } parameter)
            {
                property.SetValue(bag, ReadOurs(parameter.Value, property.PropertyType, options));
            }
        }

        return bag;
    }

    /// <summary>Our multipart body is a generated class with stream members; a JSON body is read by our serializer.</summary>
    private static object? OurBody(ParameterInfo parameter, OperationSample sample, JsonSerializerOptions options)
    {
        if (sample.Body is null && sample.Files.Count == 0)
        {
            return null;
        }

        if (sample.BodyMediaType?.StartsWith("multipart/", StringComparison.Ordinal) != true)
        {
            return ReadOurs(sample.Body, parameter.ParameterType, options);
        }

        var form = Activator.CreateInstance(parameter.ParameterType)!;
        foreach (var property in parameter.ParameterType.GetProperties().Where(static p => p.CanWrite))
        {
            if (typeof(Stream).IsAssignableFrom(property.PropertyType) && sample.Files.Keys.FirstOrDefault(k => Normalize(k) == Normalize(property.Name)) is not null)
            {
                property.SetValue(form, new MemoryStream(OperationSample.FileBytes));
            }
            else if ((sample.Body as JsonObject)?.FirstOrDefault(m => Normalize(m.Key) == Normalize(property.Name)) is { Key: not null } member)
            {
                property.SetValue(form, ReadOurs(member.Value, property.PropertyType, options));
            }
        }

        return form;
    }

    /// <summary>A value read by our JSON metadata; the types it has none for (a plain string) by System.Text.Json's own.</summary>
    private static object? ReadOurs(JsonNode? value, Type type, JsonSerializerOptions options)
    {
        try
        {
            return value.Deserialize(type, options);
        }
        catch (NotSupportedException)
        {
            return value.Deserialize(type, JsonSerializerOptions.Default);
        }
    }

    /// <summary>
    /// A binary answer as what was in it (base64), read from a stream (ours) or from NSwag's <c>FileResponse</c>,
    /// which holds its stream; null for anything else.
    /// </summary>
    private static JsonNode? Bytes(object? value)
    {
        var stream = value as Stream ?? value?.GetType().GetProperty("Stream")?.GetValue(value) as Stream;
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return JsonValue.Create(Convert.ToBase64String(copy.ToArray()));
    }

    private static JsonNode? WriteOurs(object? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            return null;
        }

        if (Bytes(value) is { } bytes)
        {
            return bytes;
        }

        try
        {
            return JsonSerializer.SerializeToNode(value, value.GetType(), options);
        }
        catch (NotSupportedException)
        {
            return JsonSerializer.SerializeToNode(value, value.GetType(), JsonSerializerOptions.Default);
        }
    }

    private static object? ReadNSwag(JsonNode? value, Type type, Newtonsoft.Json.JsonSerializerSettings settings)
    {
        if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String && type == typeof(string))
        {
            return text.GetValue<string>();
        }

        return Newtonsoft.Json.JsonConvert.DeserializeObject(value?.ToJsonString() ?? "null", type, settings);
    }

    private static HashSet<string> SpecParameters(OpenApiOperation operation)
        => operation.ActualParameters.Where(static p => p.Kind != OpenApiParameterKind.Body).Select(static p => Normalize(p.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Letters and digits, lower case: how a spec name, our C# name and NSwag's are matched.</summary>
    public static string Normalize(string name) => string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    /// <summary>An operationId as our method name: words joined, each capitalised (as the existing cross-check names them).</summary>
    private static string PascalCase(string name)
        => string.Concat(System.Text.RegularExpressions.Regex.Split(name, "[^A-Za-z0-9]+").Where(static w => w.Length > 0).Select(static w => char.ToUpperInvariant(w[0]) + w[1..]));
}
