using System.Text.Json;
using QwenImageEdit.Vendors.Apikley;
using QwenImageEdit.Vendors.EvoLink;
using EvoLinkTasks = QwenImageEdit.Vendors.EvoLink;
using QwenImageEditRequest = QwenImageEdit.Vendors.EvoLink.QwenImageEditRequest;

namespace OpenApiGen.Tests.RoundTrip;

/// <summary>The generated vendor models used the way an SDK user uses them: typed, with the generated JSON context.</summary>
public class GeneratedModelTests
{
    [Fact]
    public void A_request_serializes_with_the_spec_wire_names_and_its_defaults()
    {
        var request = new QwenImageEditRequest
        {
            Prompt = "Replace the background",
            ImageUrls = [new Uri("https://example.com/a.png")],
        };

        var json = JsonSerializer.Serialize(request, EvoLinkJsonContext.Default.QwenImageEditRequest);

        Assert.Equal("""{"model":"qwen-image-edit","prompt":"Replace the background","image_urls":["https://example.com/a.png"]}""", json);
    }

    [Fact]
    public void Optional_members_are_left_out_until_set()
    {
        var request = new QwenImageEditPlusRequest { Prompt = "p", ImageUrls = [new Uri("https://example.com/a.png")], Seed = 42 };

        var json = JsonSerializer.Serialize(request, EvoLinkJsonContext.Default.QwenImageEditPlusRequest);

        Assert.Contains("\"seed\":42", json, StringComparison.Ordinal);
        Assert.DoesNotContain("callback_url", json, StringComparison.Ordinal);
        Assert.DoesNotContain("negative_prompt", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_enum_value_survives_the_round_trip()
    {
        const string json = """{"id":"task-1","status":"archived","progress":100}""";

        var task = JsonSerializer.Deserialize(json, EvoLinkTasks.EvoLinkJsonContext.Default.TaskDetail)!;

        Assert.Equal("archived", task.Status.ToString());
        Assert.DoesNotContain(task.Status!.Value, EvoLinkTasks.TaskDetailStatus.KnownValues);
        Assert.NotEqual(EvoLinkTasks.TaskDetailStatus.Completed, task.Status);
        Assert.Contains("\"status\":\"archived\"", JsonSerializer.Serialize(task, EvoLinkTasks.EvoLinkJsonContext.Default.TaskDetail), StringComparison.Ordinal);
    }

    [Fact]
    public void The_cancelled_status_the_overlay_adds_is_a_known_value()
    {
        var task = JsonSerializer.Deserialize("""{"status":"cancelled"}""", EvoLinkTasks.EvoLinkJsonContext.Default.TaskDetail)!;

        Assert.Equal(EvoLinkTasks.TaskDetailStatus.Cancelled, task.Status);
    }

    [Fact]
    public void A_missing_required_member_is_a_json_exception_with_its_path()
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize("""{"model":"qwen-image-edit","image_urls":[]}""", EvoLinkJsonContext.Default.QwenImageEditRequest));

        Assert.Contains("'prompt'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_a_json_exception_that_says_where()
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize("""{"status":"success","progress":"half"}""", EvoLinkTasks.EvoLinkJsonContext.Default.TaskDetail));

        Assert.Equal("$.progress", error.Path);
        Assert.Contains("Path: $.progress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_deep_inside_reports_the_whole_path()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            """{"code":200,"data":{"taskId":"t1","createTime":"yesterday"}}""",
            ApikleyJsonContext.Default.RecordInfoResponse));

        Assert.Equal("$.data.createTime", error.Path);
    }

    [Fact]
    public void A_bad_list_element_reports_its_index()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            """{"prompt":"p","image_urls":["https://example.com/a.png",42]}""",
            EvoLinkJsonContext.Default.QwenImageEditRequest));

        Assert.Equal("$.image_urls[1]", error.Path);
    }

    [Fact]
    public void Unknown_members_from_the_server_are_skipped()
    {
        var record = JsonSerializer.Deserialize(
            """{"code":200,"message":"success","data":{"taskId":"t1","state":"success","new_field":{"nested":[1,2]}}}""",
            ApikleyJsonContext.Default.RecordInfoResponse);

        Assert.NotNull(record);
    }

    [Fact]
    public void Millisecond_timestamps_without_a_format_are_64_bit()
    {
        Assert.Equal(typeof(long?), typeof(TaskRecord).GetProperty(nameof(TaskRecord.CreateTime))!.PropertyType);
        Assert.Equal(typeof(int?), typeof(EvoLinkTasks.TaskDetail).GetProperty(nameof(EvoLinkTasks.TaskDetail.Progress))!.PropertyType);
    }
}
