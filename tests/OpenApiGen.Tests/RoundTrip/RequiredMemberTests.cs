using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.RoundTrip;

/// <summary>
/// Required members as the generated converter checks them: one bit each (a list of flags past 64), and the error names
/// the first absent one in the spec's order. A purpose-written spec, compiled and loaded.
/// </summary>
public sealed class RequiredMemberTests
{
    private static readonly Lazy<Assembly> s_assembly = new(static () =>
    {
        var many = string.Join(", ", Enumerable.Range(0, 70).Select(static i => $"m{i.ToString(CultureInfo.InvariantCulture)}: {{type: integer}}"));
        var manyRequired = string.Join(", ", Enumerable.Range(0, 70).Select(static i => "m" + i.ToString(CultureInfo.InvariantCulture)));
        var spec = $$$"""
            openapi: 3.0.3
            info: {title: Required, version: '1'}
            paths: {}
            components:
              schemas:
                Few:
                  type: object
                  required: [a, b, c]
                  properties: {a: {type: string}, x: {type: string}, b: {type: integer}, c: {type: string, nullable: true}}
                Many:
                  type: object
                  required: [{{{manyRequired}}}]
                  properties: { {{{many}}} }
            """;
        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/required.yaml", spec, "Required", "RequiredClient") });
        Assert.Empty(run.CompilationProblems);
        return run.Load();
    });

    private static object? Read(string type, string json)
    {
        var target = s_assembly.Value.GetType("Required." + type, throwOnError: true)!;
        return JsonSerializer.Deserialize(json, target);
    }

    [Fact]
    public void All_required_members_present_in_any_order_read()
    {
        var few = Read("Few", """{"c":null,"x":"y","b":2,"a":"z"}""")!;

        Assert.Equal("z", few.GetType().GetProperty("A")!.GetValue(few));
        Assert.Equal(2L, Convert.ToInt64(few.GetType().GetProperty("B")!.GetValue(few), CultureInfo.InvariantCulture));
        Assert.Null(few.GetType().GetProperty("C")!.GetValue(few));
    }

    [Theory]
    [InlineData("""{"b":1,"c":"x"}""", "a")]
    [InlineData("""{"a":"x","c":"x"}""", "b")]
    [InlineData("""{"a":"x","b":1,"x":"y"}""", "c")]
    [InlineData("""{"x":"y"}""", "a")]
    public void The_first_absent_required_member_is_named(string json, string missing)
    {
        var error = Assert.Throws<JsonException>(() => Read("Few", json));

        Assert.Contains($"The required property '{missing}' of Few is missing.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_64_required_members_are_each_checked()
    {
        string Json(int? leaveOut) => "{" + string.Join(",", Enumerable.Range(0, 70).Where(i => i != leaveOut).Select(static i => $"\"m{i}\":{i}")) + "}";

        var many = Read("Many", Json(null))!;
        Assert.Equal(69L, Convert.ToInt64(many.GetType().GetProperty("M69")!.GetValue(many), CultureInfo.InvariantCulture));
        foreach (var absent in new[] { 0, 63, 64, 69 })
        {
            var error = Assert.Throws<JsonException>(() => Read("Many", Json(absent)));
            Assert.Contains($"The required property 'm{absent}' of Many is missing.", error.Message, StringComparison.Ordinal);
        }
    }
}
