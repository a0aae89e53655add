using System.Text.Json;
using QwenImageEdit.Vendors.ModelsLab;
using EvoLinkTasks = QwenImageEdit.Vendors.EvoLink;

namespace OpenApiGen.Tests.RoundTrip;

/// <summary>Unions as users meet them in the vendor APIs: chosen by the JSON's shape, typed accessors, the raw JSON kept when nothing fits.</summary>
public class UnionTests
{
    [Fact]
    public void A_string_or_list_union_is_set_naturally_and_written_in_its_shape()
    {
        var single = new QwenRequest { Key = "k", Prompt = "p", InitImage = "https://example.com/a.png" };
        var several = new QwenRequest { Key = "k", Prompt = "p", InitImage = new[] { "https://example.com/a.png", "https://example.com/b.png" } };

        Assert.Contains("\"init_image\":\"https://example.com/a.png\"", Serialize(single), StringComparison.Ordinal);
        Assert.Contains("\"init_image\":[\"https://example.com/a.png\",\"https://example.com/b.png\"]", Serialize(several), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"https://example.com/a.png\"", true, 1)]
    [InlineData("[\"https://example.com/a.png\",\"https://example.com/b.png\"]", false, 2)]
    public void A_string_or_list_union_reads_either_shape(string json, bool isString, int count)
    {
        var request = JsonSerializer.Deserialize($$"""{"key":"k","prompt":"p","init_image":{{json}}}""", ModelsLabJsonContext.Default.QwenRequest)!;

        Assert.Equal(isString, request.InitImage.IsString);
        var images = request.InitImage.Match(static one => new[] { one }, static many => many.ToArray(), static raw => Array.Empty<string>());
        Assert.Equal(count, images.Length);
        Assert.Equal(json, JsonSerializer.Serialize(request.InitImage, ModelsLabJsonContext.Default.QwenRequestInitImage));
    }

    [Fact]
    public void ModelsLab_processing_output_is_an_empty_string_or_an_empty_list()
    {
        var asString = JsonSerializer.Deserialize("""{"status":"processing","output":""}""", ModelsLabJsonContext.Default.FetchProcessingResponse)!;
        var asList = JsonSerializer.Deserialize("""{"status":"processing","output":[]}""", ModelsLabJsonContext.Default.FetchProcessingResponse)!;

        Assert.True(asString.Output!.TryGetString(out var text));
        Assert.Equal(string.Empty, text);
        Assert.True(asList.Output!.TryGetStringList(out var list));
        Assert.Empty(list);
    }

    [Theory]
    [InlineData("\"content_policy_violation\"", "content_policy_violation", false)]
    [InlineData("400", "400", true)]
    public void An_error_code_may_be_a_string_or_an_integer(string code, string text, bool isInteger)
    {
        var error = JsonSerializer.Deserialize($$$"""{"error":{"code":{{{code}}},"message":"m"}}""", EvoLinkTasks.EvoLinkJsonContext.Default.ErrorResponse)!;

        Assert.Equal(isInteger, error.Error!.Code!.IsInt64);
        Assert.Equal(text, error.Error.Code.ToString());
        if (isInteger)
        {
            Assert.True(error.Error.Code.TryGetInt64(out var number));
            Assert.Equal(400, number);
        }
    }

    [Theory]
    [InlineData("""{"status":"success","id":1,"output":["https://example.com/r.png"]}""", "success")]
    [InlineData("""{"status":"processing","id":1,"eta":12,"output":[]}""", "processing")]
    [InlineData("""{"status":"error","message":"bad key"}""", "error")]
    public void The_response_shape_is_chosen_by_its_status(string json, string expected)
    {
        var response = JsonSerializer.Deserialize(json, ModelsLabJsonContext.Default.CreateQwenEditResponse)!;

        var chosen = response.Match(
            static success => "success",
            static processing => "processing",
            static error => "error",
            static raw => "unmatched");
        Assert.Equal(expected, chosen);
        Assert.True(JsonElement.DeepEquals(
            JsonDocument.Parse(json).RootElement,
            JsonDocument.Parse(JsonSerializer.Serialize(response, ModelsLabJsonContext.Default.CreateQwenEditResponse)).RootElement));
    }

    [Fact]
    public void A_shape_no_case_fits_is_kept_as_raw_json_and_written_back_unchanged()
    {
        const string json = """{"status":"queued","id":7,"position":3}""";

        var response = JsonSerializer.Deserialize(json, ModelsLabJsonContext.Default.CreateQwenEditResponse)!;

        Assert.True(response.IsUnmatched);
        Assert.Equal("queued", response.UnmatchedJson!.Value.GetProperty("status").GetString());
        Assert.Equal(json, JsonSerializer.Serialize(response, ModelsLabJsonContext.Default.CreateQwenEditResponse));
    }

    [Fact]
    public void A_value_of_a_kind_no_case_accepts_is_kept_rather_than_thrown()
    {
        var request = JsonSerializer.Deserialize("""{"key":"k","prompt":"p","init_image":42}""", ModelsLabJsonContext.Default.QwenRequest)!;

        Assert.True(request.InitImage.IsUnmatched);
        Assert.Equal("42", request.InitImage.ToString());
    }

    private static string Serialize(QwenRequest request) => JsonSerializer.Serialize(request, ModelsLabJsonContext.Default.QwenRequest);
}
