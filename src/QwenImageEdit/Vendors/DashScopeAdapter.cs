using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenApiGen.Runtime;
using QwenImageEdit.Vendors.DashScope.ImageEdit;

namespace QwenImageEdit.Vendors;

/// <summary>
/// Alibaba Cloud Model Studio (DashScope): the edit is one synchronous call (conflict D4), so the state it returns is
/// final, and there is no task to read, resume or cancel afterwards; the region chooses the endpoint (conflict D5).
/// </summary>
internal sealed class DashScopeAdapter : VendorAdapter
{
    private const ImageEditVendor Self = ImageEditVendor.DashScope;
    private static readonly string[] PlusParameters = ["prompt_extend", "watermark"];
    private static readonly string[] EditParameters = ["watermark"];

    private readonly VendorTransport _transport;
    private readonly DashScopeImageEditClient _client;
    private readonly DashScopeRegion _region;

    public DashScopeAdapter(VendorTransport transport, QwenImageEditVendorOptions options)
    {
        _transport = transport;
        _region = options.Region;
        var address = options.BaseAddress ?? Address(options.Region);
        _client = new DashScopeImageEditClient(transport.Create, new DashScopeImageEditClientOptions { BaseAddress = address, BearerToken = options.ApiKey });
    }

    public override ImageEditVendor Vendor => Self;

    /// <summary>The region's endpoint, the spec's servers (Singapore first), as <see cref="VendorReports"/> lists them.</summary>
    public static Uri Address(DashScopeRegion region) => VendorReports.ApiOf(Self, region)!;

    protected override Func<CancellationToken, Task<VendorTaskState>> Build(ImageEditRequest request, ImageEditCapabilities capabilities, IReadOnlyList<Uri> imageUrls, ICollection<ImageEditValidationError> errors)
    {
        var plus = capabilities.Model != ImageEditModels.DashScopeQwenImageEdit;
        var parameters = new VendorParameters(request.VendorParameters, plus ? PlusParameters : EditParameters, $"DashScope {capabilities.Model}", errors);
        var content = imageUrls.Select(static url => new ContentItem { Image = url.AbsoluteUri }).Append(new ContentItem { Text = request.Prompt }).ToList();
        var settings = new Parameters
        {
            N = request.Count ?? 1,
            NegativePrompt = request.NegativePrompt,
            Size = request.Size is { } size ? $"{size.Width}*{size.Height}" : null,
            Seed = request.Seed is { } seed ? (int)Math.Clamp(seed, int.MinValue, int.MaxValue) : null,
        };
        if (parameters.Bool("prompt_extend") is { } extend)
        {
            settings.PromptExtend = extend;
        }

        if (parameters.Bool("watermark") is { } watermark)
        {
            settings.Watermark = watermark;
        }

        var body = new GenerationRequest
        {
            Model = capabilities.Model,
            Input = new GenerationRequestInput { Messages = [new Message { Role = MessageRole.User, Content = content }] },
            Parameters = settings,
        };
        Validation.AddGenerated(errors, body.Validate());
        return async cancellationToken =>
        {
            var answer = await _transport.SendAsync("edit the image", () => _client.CreateMultimodalGenerationAsync(body, cancellationToken: cancellationToken), Describe, cancellationToken).ConfigureAwait(false);
            var images = answer.Output.Choices.SelectMany(static c => c.Message.Content).Select(static c => c.Image).ToArray();
            return new VendorTaskState(answer.RequestId, "SUCCEEDED", ImageEditStatus.Succeeded, 100, images, null, null, answer);
        };
    }

    /// <summary>There is nothing to read: a DashScope edit ended when its call answered (conflict D4).</summary>
    public override Task<VendorTaskState> GetAsync(string id, string model, CancellationToken cancellationToken)
        => throw NoTask(id, "read");

    /// <summary>DashScope takes an image's data URL (<c>data:{mime};base64,...</c>) in <c>image</c>, so a local image travels in the request.</summary>
    public override Task<Uri> UploadAsync(ReadOnlyMemory<byte> bytes, string mediaType, string fileName, CancellationToken cancellationToken)
        => Task.FromResult(DataUri.Of(bytes, mediaType));

    public static ImageEditValidationException NoTask(string id, string action)
        => new(Self, [new ImageEditValidationError("Id", $"DashScope edits are synchronous: '{id}' is the id of a request that ended when it answered, not a task to {action}. Its images came with that answer.")]);

    /// <summary>DashScope's error body, the same for every API: <c>{request_id, code, message}</c>; a 401 says which region refused the key.</summary>
    private VendorError? Describe(ApiException error)
        => error is ApiException<ErrorResponse> { Error: { } e }
            ? new(e.Code, (int)error.StatusCode == 401 ? $"{e.Message} (the key is not one of the {_region} region's keys)" : e.Message, ErrorMap.FromDashScopeCode(e.Code))
            : null;
}
