using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;
using QwenImageEdit.Vendors.EvoLink;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace OpenApiGen.Benchmarks;

/// <summary>
/// What a request costs on the wire: a vendor response read and a vendor request written by the generated code, by
/// System.Text.Json's source generator and its reflection on equivalent hand-written types, and by Newtonsoft.Json (as
/// NSwag's clients use); and a large response (a JSON array of 1,000 tasks, 330 KB) read from a stream.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SerializationBenchmarks
{
    private static readonly byte[] s_taskUtf8 = Encoding.UTF8.GetBytes("""
        {"id":"task-unified-1757156493-imcg5zqt","object":"image.generation.task","created":1757156493,"model":"qwen-image-edit",
         "status":"completed","progress":100,"results":["https://files.evolink.ai/results/1/0.png","https://files.evolink.ai/results/1/1.png"],
         "task_info":{"can_cancel":false,"estimated_time":0},"type":"image","usage":{"billing_rule":"per_call","credits_reserved":1,"user_group":"default"}}
        """);

    private static readonly string s_taskText = Encoding.UTF8.GetString(s_taskUtf8);

    private static readonly byte[] s_manyTasksUtf8 = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat(s_taskText, 1000)) + "]");

    private static readonly JsonSerializerOptions s_reflection = new();

    private readonly QwenImageEditPlusRequest _request = new()
    {
        Prompt = "Replace the background of this image with a beach at sunset",
        ImageUrls = [new Uri("https://example.com/image1.png"), new Uri("https://example.com/image2.png")],
        N = 2,
        NegativePrompt = "low resolution, error, worst quality",
        Seed = 12345,
    };

    private readonly HandWrittenPlusRequest _handWrittenRequest = new()
    {
        Prompt = "Replace the background of this image with a beach at sunset",
        ImageUrls = [new Uri("https://example.com/image1.png"), new Uri("https://example.com/image2.png")],
        N = 2,
        NegativePrompt = "low resolution, error, worst quality",
        Seed = 12345,
    };

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Read")]
    public TaskDetail ReadGenerated() => JsonSerializer.Deserialize(s_taskUtf8, EvoLinkJsonContext.Default.TaskDetail)!;

    [Benchmark]
    [BenchmarkCategory("Read")]
    public HandWrittenTask ReadStjSourceGenerated() => JsonSerializer.Deserialize(s_taskUtf8, HandWrittenJson.Default.HandWrittenTask)!;

    [Benchmark]
    [BenchmarkCategory("Read")]
    public HandWrittenTask ReadStjReflection() => JsonSerializer.Deserialize<HandWrittenTask>(s_taskUtf8, s_reflection)!;

    [Benchmark]
    [BenchmarkCategory("Read")]
    public HandWrittenTask ReadNewtonsoft() => JsonConvert.DeserializeObject<HandWrittenTask>(s_taskText)!;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Write")]
    public byte[] WriteGenerated() => JsonSerializer.SerializeToUtf8Bytes(_request, EvoLinkJsonContext.Default.QwenImageEditPlusRequest);

    [Benchmark]
    [BenchmarkCategory("Write")]
    public byte[] WriteStjSourceGenerated() => JsonSerializer.SerializeToUtf8Bytes(_handWrittenRequest, HandWrittenJson.Default.HandWrittenPlusRequest);

    [Benchmark]
    [BenchmarkCategory("Write")]
    public byte[] WriteStjReflection() => JsonSerializer.SerializeToUtf8Bytes(_handWrittenRequest, s_reflection);

    [Benchmark]
    [BenchmarkCategory("Write")]
    public string WriteNewtonsoft() => JsonConvert.SerializeObject(_handWrittenRequest);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("ReadLarge")]
    public async Task<int> ReadLargeGenerated()
    {
        var count = 0;
        await foreach (var task in JsonSerializer.DeserializeAsyncEnumerable(new MemoryStream(s_manyTasksUtf8, writable: false), EvoLinkJsonContext.Default.TaskDetail))
        {
            count += task!.Results!.Count;
        }

        return count;
    }

    [Benchmark]
    [BenchmarkCategory("ReadLarge")]
    public async Task<int> ReadLargeStjSourceGenerated()
    {
        var count = 0;
        await foreach (var task in JsonSerializer.DeserializeAsyncEnumerable(new MemoryStream(s_manyTasksUtf8, writable: false), HandWrittenJson.Default.HandWrittenTask))
        {
            count += task!.Results!.Count;
        }

        return count;
    }
}

/// <summary>System.Text.Json's own source generator over the hand-written types: the bar the generated converters must meet.</summary>
[JsonSerializable(typeof(HandWrittenTask))]
[JsonSerializable(typeof(HandWrittenPlusRequest))]
internal sealed partial class HandWrittenJson : JsonSerializerContext;

/// <summary>What one would write by hand for EvoLink's task, for the reflection-based serializers.</summary>
public sealed class HandWrittenTask
{
    [JsonPropertyName("id"), JsonProperty("id")] public string? Id { get; set; }

    [JsonPropertyName("object"), JsonProperty("object")] public string? Object { get; set; }

    [JsonPropertyName("created"), JsonProperty("created")] public long? Created { get; set; }

    [JsonPropertyName("model"), JsonProperty("model")] public string? Model { get; set; }

    [JsonPropertyName("status"), JsonProperty("status")] public string? Status { get; set; }

    [JsonPropertyName("progress"), JsonProperty("progress")] public int? Progress { get; set; }

    [JsonPropertyName("results"), JsonProperty("results")] public List<Uri>? Results { get; set; }

    [JsonPropertyName("task_info"), JsonProperty("task_info")] public HandWrittenTaskInfo? TaskInfo { get; set; }

    [JsonPropertyName("type"), JsonProperty("type")] public string? Type { get; set; }

    [JsonPropertyName("usage"), JsonProperty("usage")] public HandWrittenUsage? Usage { get; set; }
}

public sealed class HandWrittenTaskInfo
{
    [JsonPropertyName("can_cancel"), JsonProperty("can_cancel")] public bool? CanCancel { get; set; }

    [JsonPropertyName("estimated_time"), JsonProperty("estimated_time")] public int? EstimatedTime { get; set; }
}

public sealed class HandWrittenUsage
{
    [JsonPropertyName("billing_rule"), JsonProperty("billing_rule")] public string? BillingRule { get; set; }

    [JsonPropertyName("credits_reserved"), JsonProperty("credits_reserved")] public double? CreditsReserved { get; set; }

    [JsonPropertyName("user_group"), JsonProperty("user_group")] public string? UserGroup { get; set; }
}

/// <summary>What one would write by hand for EvoLink's plus request.</summary>
public sealed class HandWrittenPlusRequest
{
    [JsonPropertyName("model"), JsonProperty("model")] public string Model { get; set; } = "qwen-image-edit-plus";

    [JsonPropertyName("prompt"), JsonProperty("prompt")] public required string Prompt { get; set; }

    [JsonPropertyName("image_urls"), JsonProperty("image_urls")] public required List<Uri> ImageUrls { get; set; }

    [JsonPropertyName("n"), JsonProperty("n")] public int N { get; set; } = 1;

    [JsonPropertyName("negative_prompt"), JsonProperty("negative_prompt", NullValueHandling = NullValueHandling.Ignore), System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? NegativePrompt { get; set; }

    [JsonPropertyName("prompt_extend"), JsonProperty("prompt_extend")] public bool PromptExtend { get; set; } = true;

    [JsonPropertyName("watermark"), JsonProperty("watermark")] public bool Watermark { get; set; }

    [JsonPropertyName("seed"), JsonProperty("seed", NullValueHandling = NullValueHandling.Ignore), System.Text.Json.Serialization.JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Seed { get; set; }
}
