using OpenApiGen.Naming;

namespace OpenApiGen.Tests.Naming;

public class IdentifierTests
{
    [Theory]
    [InlineData("image_urls", "ImageUrls")]
    [InlineData("callBackUrl", "CallBackUrl")]
    [InlineData("per_call", "PerCall")]
    [InlineData("qwen-image-edit", "QwenImageEdit")]
    [InlineData("qwen/image-edit", "QwenImageEdit")]
    [InlineData("image.generation.task", "ImageGenerationTask")]
    [InlineData("qwen-edit-2509", "QwenEdit2509")]
    [InlineData("landscape_16_9", "Landscape16_9")]
    [InlineData("taskId", "TaskId")]
    [InlineData("URL", "Url")]
    [InlineData("HTTPServer", "HttpServer")]
    [InlineData("2509", "_2509")]
    [InlineData("", "Empty")]
    [InlineData("+", "Plus")]
    [InlineData(".", "Dot")]
    [InlineData("<=", "LessThanEqual")]
    [InlineData("\u00a7", "Value")]
    [InlineData("StartTime<", "StartTime")]
    [InlineData("ünïcode_name", "ÜnïcodeName")]
    public void Pascal_case(string wire, string expected) => Assert.Equal(expected, Identifier.ToPascalCase(wire));

    [Theory]
    [InlineData("task_id", "taskId")]
    [InlineData("class", "@class")]
    [InlineData("Event", "@event")]
    public void Camel_case_escapes_keywords(string wire, string expected) => Assert.Equal(expected, Identifier.ToCamelCase(wire));

    [Theory]
    [InlineData("Results", "Result")]
    [InlineData("Categories", "Category")]
    [InlineData("Statuses", "Status")]
    [InlineData("Address", "AddressItem")]
    [InlineData("Data", "DataItem")]
    public void Singular_of_array_items(string plural, string expected) => Assert.Equal(expected, Identifier.Singularize(plural));

    [Fact]
    public void Siblings_that_collide_are_told_apart_by_their_signs_whatever_their_order()
    {
        var forward = NameScope.NameSiblings(new[] { "Etc/GMT-0", "Etc/GMT0", "Etc/GMT+0" }, new NameScope(), static _ => "a sibling");
        var backward = NameScope.NameSiblings(new[] { "Etc/GMT+0", "Etc/GMT0", "Etc/GMT-0" }, new NameScope(), static _ => "a sibling");

        Assert.Equal(new[] { "EtcGmtMinus0", "EtcGmt0", "EtcGmtPlus0" }, forward);
        Assert.Equal(new[] { "EtcGmtPlus0", "EtcGmt0", "EtcGmtMinus0" }, backward);
    }

    [Fact]
    public void Siblings_that_still_collide_get_a_numeric_suffix_and_reserved_names_are_avoided()
    {
        var names = NameScope.NameSiblings(new[] { "a_b", "a-b", "aB", "equals" }, new NameScope("Equals"), static _ => "a sibling");

        Assert.Equal(new[] { "AB", "AMinusB", "AB2", "Equals2" }, names);
    }

    [Theory]
    [InlineData("My.Api", true)]
    [InlineData("My.class", false)]
    [InlineData("My..Api", false)]
    [InlineData("1Api", false)]
    public void Namespaces_are_checked(string text, bool valid) => Assert.Equal(valid, Identifier.IsValidNamespace(text));
}
