using System.Text;

namespace QwenImageEdit.Tests.Unit;

public sealed class CallbackParserTests
{
    private const string SigningKey = "whsec-test";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void EvoLink_callback_is_the_task_body()
    {
        var body = """{"id":"task-1","object":"image.generation.task","created":1700000000,"model":"qwen-image-edit","status":"completed","progress":100,"results":["https://cdn.example.com/a.png"]}""";

        var callback = new ImageEditCallbackParser().Parse(ImageEditVendor.EvoLink, Utf8(body));

        Assert.Equal("task-1", callback.OperationId);
        Assert.Equal(ImageEditStatus.Succeeded, callback.Status);
        Assert.Equal("completed", callback.RawStatus);
        Assert.Equal(new Uri("https://cdn.example.com/a.png"), Assert.Single(callback.ResultUrls));
        Assert.False(callback.IsDuplicate);
    }

    [Fact]
    public void EvoLink_cancelled_is_an_end()
    {
        var callback = new ImageEditCallbackParser().Parse(ImageEditVendor.EvoLink, Utf8("""{"id":"t","status":"cancelled"}"""));

        Assert.Equal(ImageEditStatus.Cancelled, callback.Status);
    }

    [Fact]
    public void ModelsLab_success_with_string_id_and_failure_with_failed()
    {
        var parser = new ImageEditCallbackParser();

        var success = parser.Parse(ImageEditVendor.ModelsLab, Utf8("""{"status":"success","id":"12345","output":["https://cdn.example.com/b.png"],"track_id":"7"}"""));
        var failure = parser.Parse(ImageEditVendor.ModelsLab, Utf8("""{"status":"failed","id":12346,"message":"NSFW content detected"}"""));

        Assert.Equal(("12345", ImageEditStatus.Succeeded), (success.OperationId, success.Status));
        Assert.Equal(("12346", ImageEditStatus.Failed), (failure.OperationId, failure.Status));
        Assert.Equal(ImageEditErrorKind.ContentPolicy, failure.Failure!.Kind);
    }

    [Fact]
    public void A_second_delivery_of_the_same_report_is_a_duplicate()
    {
        var parser = new ImageEditCallbackParser();
        var body = Utf8("""{"status":"success","id":"1","output":["https://cdn.example.com/b.png"]}""");

        Assert.False(parser.Parse(ImageEditVendor.ModelsLab, body).IsDuplicate);
        Assert.True(parser.Parse(ImageEditVendor.ModelsLab, body).IsDuplicate);
        Assert.False(parser.Parse(ImageEditVendor.ModelsLab, Utf8("""{"status":"success","id":"2","output":[]}""")).IsDuplicate);
    }

    private static string ApikleyBody(string taskId)
        => """{"code":200,"msg":"success","data":{"taskId":"TASK","model":"qwen/image-edit","state":"success","resultJson":"{\"resultUrls\":[\"https://cdn.example.com/c.png\"]}","createTime":1700000000000}}""".Replace("TASK", taskId, StringComparison.Ordinal);

    private static ImageEditCallbackParser SignedParser(DateTimeOffset now)
        => new(new Dictionary<ImageEditVendor, string> { [ImageEditVendor.Apikley] = SigningKey }, new FixedTime(now));

    [Fact]
    public void Apikley_signed_callback_is_verified()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var timestamp = now.ToUnixTimeSeconds().ToString();
        var headers = new Dictionary<string, string>
        {
            ["x-webhook-timestamp"] = timestamp,
            ["X-Webhook-Signature"] = ImageEditCallbackParser.Sign(SigningKey, "task-9", timestamp),
        };

        var callback = SignedParser(now).Parse(ImageEditVendor.Apikley, Utf8(ApikleyBody("task-9")), headers);

        Assert.True(callback.IsSignatureVerified);
        Assert.Equal(ImageEditStatus.Succeeded, callback.Status);
        Assert.Equal(new Uri("https://cdn.example.com/c.png"), Assert.Single(callback.ResultUrls));
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("other-task")]
    [InlineData("unsigned")]
    [InlineData("stale")]
    public void Apikley_callback_with_a_bad_signature_is_rejected(string scenario)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var signedAt = scenario == "stale" ? now.AddMinutes(-6) : now;
        var timestamp = signedAt.ToUnixTimeSeconds().ToString();
        var signature = scenario switch
        {
            "forged" => ImageEditCallbackParser.Sign("not-the-key", "task-9", timestamp),
            "other-task" => ImageEditCallbackParser.Sign(SigningKey, "task-8", timestamp),
            _ => ImageEditCallbackParser.Sign(SigningKey, "task-9", timestamp),
        };
        var headers = scenario == "unsigned" ? [] : new Dictionary<string, string> { ["X-Webhook-Timestamp"] = timestamp, ["X-Webhook-Signature"] = signature };

        var error = Assert.Throws<ImageEditCallbackException>(() => SignedParser(now).Parse(ImageEditVendor.Apikley, Utf8(ApikleyBody("task-9")), headers));

        Assert.Equal(ImageEditVendor.Apikley, error.Vendor);
        Assert.DoesNotContain(SigningKey, error.Message);
    }

    [Fact]
    public void A_body_that_is_not_the_vendor_callback_is_rejected_with_a_clear_error()
    {
        var error = Assert.Throws<ImageEditCallbackException>(() => new ImageEditCallbackParser().Parse(ImageEditVendor.EvoLink, Utf8("<html>oops</html>")));

        Assert.Contains("not a EvoLink callback", error.Message);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
