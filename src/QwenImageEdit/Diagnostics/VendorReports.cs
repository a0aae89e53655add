using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace QwenImageEdit.Vendors;

/// <summary>
/// What each vendor reports beside a task's state, as data: where its request id is, what it says an edit used (in its
/// own unit), and where its API lives. <see cref="VendorHandler"/> reads every answer by these rows, so a vendor added is
/// a row here, not code in its adapter. A vendor without a row reports a request id only through
/// <see cref="ConventionalRequestIdHeaders"/> and no usage.
/// </summary>
/// <remarks>
/// Sources, per row: the vendor's spec in <c>specs/</c> (and, where a spec leaves a member open, the vendor's page it
/// names). <c>UsageTests</c> reads every usage row from the kit's fakes,
/// whose answers the kit checks against the spec, and holds every API address to where the generated client sends
/// without a base address (the spec's <c>servers</c>). No seed vendor (EvoLink, ModelsLab, Apikley) documents a
/// request id; their task id is the id their support asks for.
/// </remarks>
internal static class VendorReports
{
    /// <summary>
    /// Read from every vendor's answers when its own sources give nothing: no vendor here documents it, but the
    /// gateways in front of many APIs send it, and it is the id their operators can find.
    /// </summary>
    public static readonly IReadOnlyList<string> ConventionalRequestIdHeaders = ["X-Request-Id"];

    private static readonly FrozenDictionary<ImageEditVendor, VendorReport> Rows = new Dictionary<ImageEditVendor, VendorReport>
    {
        // specs/evolink: create and task answers carry usage {billing_rule, credits_reserved, user_group}.
        [ImageEditVendor.EvoLink] = new(
            ProviderName: "evolink",
            Api: new Uri("https://api.evolink.ai/"),
            RequestIdHeaders: [],
            RequestIdPointers: [],
            Usage: [new UsageField("/usage/credits_reserved", "credits_reserved", "credit")]),

        // specs/modelslab: success answers (create and fetch) carry generationTime, in seconds.
        [ImageEditVendor.ModelsLab] = new(
            ProviderName: "modelslab",
            Api: new Uri("https://modelslab.com/api/v6/"),
            RequestIdHeaders: [],
            RequestIdPointers: [],
            Usage: [new UsageField("/generationTime", "generationTime", "s")]),

        // specs/apikley: recordInfo reports create, update and completion times, but nothing used or billed.
        [ImageEditVendor.Apikley] = new(
            ProviderName: "apikley",
            Api: new Uri("https://api.apikley.ru/"),
            RequestIdHeaders: [],
            RequestIdPointers: [],
            Usage: []),

        // specs/fal: the result (and the webhook's payload, which is the result) carries `timings`, an object the spec
        // leaves open; fal's own examples and clients read `timings.inference`, the model's run time in seconds. fal
        // documents no request id beside the request's own id, which is the task id.
        [ImageEditVendor.Fal] = new(
            ProviderName: "fal",
            Api: new Uri("https://queue.fal.run/"),
            RequestIdHeaders: [],
            RequestIdPointers: [],
            Usage: [new UsageField("/timings/inference", "timings.inference", "s"), new UsageField("/payload/timings/inference", "timings.inference", "s")]),

        // specs/replicate (openapi.json, predictions.get): a terminated prediction carries metrics.predict_time, "the
        // amount of CPU or GPU time, in seconds, that the prediction used while running" (what Replicate bills), beside
        // total_time (waiting included). The webhook body is the prediction. No request id beside the prediction's id.
        [ImageEditVendor.Replicate] = new(
            ProviderName: "replicate",
            Api: new Uri("https://api.replicate.com/v1/"),
            RequestIdHeaders: [],
            RequestIdPointers: [],
            Usage: [new UsageField("/metrics/predict_time", "predict_time", "s")]),

        // specs/dashscope: every answer, success (GenerationResponse) or error (ErrorResponse), carries request_id, and a
        // success usage.image_count, "how many images were made (what is billed)". Each region has its own endpoint
        // (Singapore, the spec's first server, by default).
        [ImageEditVendor.DashScope] = new(
            ProviderName: "dashscope",
            Api: new Uri("https://dashscope-intl.aliyuncs.com/api/v1/"),
            RequestIdHeaders: [],
            RequestIdPointers: ["/request_id"],
            Usage: [new UsageField("/usage/image_count", "image_count", "image")])
        {
            RegionApis = new Dictionary<DashScopeRegion, Uri> { [DashScopeRegion.Beijing] = new("https://dashscope.aliyuncs.com/api/v1/") },
        },
    }.ToFrozenDictionary();

    /// <summary>The vendors with a row, for the test that holds every vendor to having one.</summary>
    public static IEnumerable<ImageEditVendor> Vendors => Rows.Keys;

    /// <summary>Where the vendor's API is for a region (<see cref="QwenImageEditVendorOptions.Region"/>): its row's own address unless the region has another.</summary>
    public static Uri? ApiOf(ImageEditVendor vendor, DashScopeRegion region)
        => For(vendor) is var report && report.RegionApis.TryGetValue(region, out var api) ? api : report.Api;

    /// <summary>The vendor's row, or one that reports nothing beyond the conventional header.</summary>
    public static VendorReport For(ImageEditVendor vendor)
        => Rows.TryGetValue(vendor, out var row) ? row : new VendorReport(vendor.ToString().ToLowerInvariant(), null, [], [], []);
}

/// <summary>What one vendor reports beside a task's state.</summary>
/// <param name="ProviderName">The name telemetry gives it (<c>gen_ai.provider.name</c>, <c>ImageGeneratorMetadata.ProviderName</c>).</param>
/// <param name="Api">Its API's address by default (the create endpoint's server in its spec); null when unknown.</param>
/// <param name="RequestIdHeaders">The answer headers that carry its request id, first found wins.</param>
/// <param name="RequestIdPointers">JSON pointers into an answer's body (success or error) that carry its request id.</param>
/// <param name="Usage">What its answers say an edit used, each in the vendor's own unit.</param>
internal sealed record VendorReport(string ProviderName, Uri? Api, IReadOnlyList<string> RequestIdHeaders, IReadOnlyList<string> RequestIdPointers, IReadOnlyList<UsageField> Usage)
{
    /// <summary>The API's address in regions other than the default one (DashScope's Beijing), by region.</summary>
    public IReadOnlyDictionary<DashScopeRegion, Uri> RegionApis { get; init; } = new Dictionary<DashScopeRegion, Uri>();
}

/// <summary>One figure of usage a vendor reports: where it is in an answer, and what it is called and counted in.</summary>
/// <param name="Pointer">A JSON pointer into the answer's body (<c>/usage/credits_reserved</c>).</param>
/// <param name="Name">The vendor's own name for it.</param>
/// <param name="Unit">Its unit, as the vendor's documentation states it (<c>credit</c>, <c>s</c>, <c>image</c>).</param>
internal sealed record UsageField(string Pointer, string Name, string Unit);
