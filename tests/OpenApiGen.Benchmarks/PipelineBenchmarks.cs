using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OpenApiGen.Runtime;
using QwenImageEdit.Vendors.EvoLink;

namespace OpenApiGen.Benchmarks;

/// <summary>
/// The cost of one call, for choosing the generated clients' plumbing (docs/pipeline.md): EvoLink's "get task" as the
/// generator writes it today, and as a prototype of the generated code over each candidate, ours (OpenApiGen.Runtime's
/// <see cref="ApiPipeline"/>) and System.ClientModel 1.17's <see cref="ClientPipeline"/> (what the OpenAI and Azure SDKs
/// use). The same JSON metadata reads the body in all three; the transport is an in-memory handler with a canned
/// answer, so what differs is the plumbing alone.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private static readonly byte[] s_task = Encoding.UTF8.GetBytes("""
        {"id":"task-unified-1757156493-imcg5zqt","object":"image.generation.task","created":1757156493,"model":"qwen-image-edit",
         "status":"completed","progress":100,"results":["https://files.evolink.ai/results/1/0.png"],
         "task_info":{"can_cancel":false,"estimated_time":0},"type":"image","usage":{"billing_rule":"per_call","credits_reserved":1,"user_group":"default"}}
        """);

    private HttpClient _http = null!;
    private EvoLinkClient _today = null!;
    private OursPrototype _ours = null!;
    private ClientModelPrototype _clientModel = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new CannedHandler(s_task));
        _today = new EvoLinkClient(_http, new EvoLinkClientOptions { BearerToken = "sk-test" });
        _ours = new OursPrototype(_http, new EvoLinkClientOptions { BearerToken = "sk-test" });
        _clientModel = new ClientModelPrototype(_http, "sk-test");
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    /// <summary>The generated client as it is now (over <see cref="ApiPipeline"/>, like the prototype below).</summary>
    [Benchmark(Baseline = true)]
    public async Task<TaskDetail> Today() => await _today.GetTaskDetailAsync("task-1");

    [Benchmark]
    public async Task<TaskDetail> OursPipeline() => await _ours.GetTaskDetailAsync("task-1");

    [Benchmark]
    public async Task<TaskDetail> SystemClientModel() => await _clientModel.GetTaskDetailAsync("task-1");

    /// <summary>An answer from memory: a new response each time, as a connection would give.</summary>
    private sealed class CannedHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body), RequestMessage = request };
            response.Content.Headers.ContentType = new("application/json");
            response.Headers.TryAddWithoutValidation("x-request-id", "req_1");
            return Task.FromResult(response);
        }
    }
}

/// <summary>The generated code for EvoLink's tasks over <see cref="ApiPipeline"/>, as the emitters would write it.</summary>
internal sealed class OursPrototype
{
    private readonly ApiPipeline _pipeline;

    public OursPrototype(HttpClient httpClient, EvoLinkClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _pipeline = new ApiPipeline(httpClient, () => options.BaseAddress, "https://api.evolink.ai/", ApiCredential.Bearer("bearerAuth", () => options.BearerToken));
    }

    // --- per operation: 7 lines, the description included ---
    private static readonly ApiOperation<TaskDetail> s_getTaskDetail = ApiOperation.Json(static () => EvoLinkJsonContext.Default.TaskDetail)
        .Secured("bearerAuth").Error(static () => EvoLinkJsonContext.Default.ErrorResponse, 400, 401, 402, 403, 404, 429, 500);

    public Task<ApiResponse<TaskDetail>> GetTaskDetailAsync(string taskId, ApiRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return _pipeline.SendAsync(new ApiRequestBuilder("GET", "/v1/tasks/{task_id}").PathParameter("task_id", taskId), s_getTaskDetail, options, cancellationToken);
    }
}

/// <summary>
/// The same over System.ClientModel, the way the OpenAI SDK's generated code is shaped (a request builder, then the
/// pipeline, then the body read with the generated metadata). Its typed errors still need our own map: a
/// <see cref="ClientResultException"/> carries no error body type.
/// </summary>
internal sealed class ClientModelPrototype
{
    private static readonly PipelineMessageClassifier s_classifier200 = PipelineMessageClassifier.Create([200]);
    private readonly ClientPipeline _pipeline;
    private readonly Uri _endpoint = new("https://api.evolink.ai/");

    public ClientModelPrototype(HttpClient httpClient, string key)
    {
        var options = new ClientPipelineOptions
        {
            Transport = new HttpClientPipelineTransport(httpClient),
            // A create that bills must not be retried blindly; the generated clients leave retries to the caller.
            RetryPolicy = new ClientRetryPolicy(0),
        };
        _pipeline = ClientPipeline.Create(options, [], [ApiKeyAuthenticationPolicy.CreateBearerAuthorizationPolicy(new ApiKeyCredential(key))], []);
    }

    // --- per operation: 26 lines, and an error map of our own on top ---
    public async Task<ClientResult<TaskDetail>> GetTaskDetailAsync(string taskId, RequestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        using var message = CreateGetTaskDetailRequest(taskId, options);
        await _pipeline.SendAsync(message).ConfigureAwait(false);
        var response = message.Response!;
        if (response.IsError && (options is null || (options.ErrorOptions & ClientErrorBehaviors.NoThrow) == 0))
        {
            throw await ClientResultException.CreateAsync(response).ConfigureAwait(false);
        }

        return ClientResult.FromValue(JsonSerializer.Deserialize(response.Content.ToMemory().Span, EvoLinkJsonContext.Default.TaskDetail)!, response);
    }

    private PipelineMessage CreateGetTaskDetailRequest(string taskId, RequestOptions? options)
    {
        var message = _pipeline.CreateMessage();
        message.ResponseClassifier = s_classifier200;
        var request = message.Request;
        request.Method = "GET";
        request.Uri = new Uri(_endpoint, "v1/tasks/" + Uri.EscapeDataString(taskId));
        request.Headers.Set("Accept", "application/json");
        if (options is not null)
        {
            message.Apply(options);
        }

        return message;
    }
}
