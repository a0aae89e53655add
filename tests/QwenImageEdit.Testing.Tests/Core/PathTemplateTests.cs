namespace QwenImageEdit.Testing.Tests.Core;

public sealed class PathTemplateTests
{
    [Theory]
    [InlineData("/v1/tasks/task-1", true, "task-1")]
    [InlineData("/v1/tasks/task%201%2F2", true, "task 1/2")]
    [InlineData("/v1/tasks/", false, null)]
    [InlineData("/v1/tasks/a/b", false, null)]
    [InlineData("/v1/task/a", false, null)]
    public void A_template_matches_segment_by_segment_and_decodes_parameters(string path, bool matches, string? id)
    {
        var template = new PathTemplate("/v1/tasks/{task_id}");

        Assert.Equal(matches, template.TryMatch(path, out var parameters));
        Assert.Equal(id, parameters.GetValueOrDefault("task_id"));
    }
}
