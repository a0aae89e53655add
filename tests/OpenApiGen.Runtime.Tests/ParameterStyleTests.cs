namespace OpenApiGen.Runtime.Tests;

/// <summary>
/// Every style of OpenAPI's style table (3.1, "Style Examples": <c>color</c> as the string <c>blue</c>, the list
/// <c>blue, black, brown</c> and the object <c>R=100, G=200, B=150</c>) as the request builder writes it: values
/// escaped, the delimiters a style adds not, so a comma inside a value (<c>%2C</c>) stays apart from one between values.
/// </summary>
public sealed class ParameterStyleTests
{
    private static readonly string[] s_list = ["blue", "black", "brown"];

    private static readonly Dictionary<string, int> s_object = new() { ["R"] = 100, ["G"] = 200, ["B"] = 150 };

    [Theory]
    [InlineData(ParameterStyle.Simple, false, "blue", "blue,black,brown", "R,100,G,200,B,150")]
    [InlineData(ParameterStyle.Simple, true, "blue", "blue,black,brown", "R=100,G=200,B=150")]
    [InlineData(ParameterStyle.Label, false, ".blue", ".blue,black,brown", ".R,100,G,200,B,150")]
    [InlineData(ParameterStyle.Label, true, ".blue", ".blue.black.brown", ".R=100.G=200.B=150")]
    [InlineData(ParameterStyle.Matrix, false, ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150")]
    [InlineData(ParameterStyle.Matrix, true, ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150")]
    public void Path_styles_write_the_table(ParameterStyle style, bool explode, string scalar, string list, string map)
    {
        Assert.Equal("/x/" + scalar, Path(new ApiRequestBuilder("GET", "/x/{color}").PathParameter("color", "blue", style)));
        Assert.Equal("/x/" + list, Path(new ApiRequestBuilder("GET", "/x/{color}").PathParameter("color", s_list, static c => c, style, explode)));
        Assert.Equal("/x/" + map, Path(new ApiRequestBuilder("GET", "/x/{color}").PathObject("color", s_object, TestJson.Default.DictionaryStringInt32, style, explode)));
    }

    [Fact]
    public void A_delimiter_inside_a_path_value_is_escaped_and_the_styles_own_is_not()
    {
        Assert.Equal("/x/a%2Cb,c%3Bd", Path(new ApiRequestBuilder("GET", "/x/{v}").PathParameter("v", ["a,b", "c;d"], static c => c)));
        Assert.Equal("/x/;v=a%3Db", Path(new ApiRequestBuilder("GET", "/x/{v}").PathParameter("v", "a=b", ParameterStyle.Matrix)));
        Assert.Equal("/x/;v", Path(new ApiRequestBuilder("GET", "/x/{v}").PathParameter("v", string.Empty, ParameterStyle.Matrix)));

        // An empty list in label style is "." (the table's "empty" column), which a URI then takes for a dot segment.
        Assert.Equal("/x/.", new ApiRequestBuilder("GET", "/x/{v}").PathParameter("v", Array.Empty<string>(), static c => c, ParameterStyle.Label).Path);
    }

    [Theory]
    [InlineData(ParameterStyle.Form, true, "color=blue&color=black&color=brown", "R=100&G=200&B=150")]
    [InlineData(ParameterStyle.Form, false, "color=blue,black,brown", "color=R,100,G,200,B,150")]
    [InlineData(ParameterStyle.SpaceDelimited, false, "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150")]
    [InlineData(ParameterStyle.PipeDelimited, false, "color=blue%7Cblack%7Cbrown", "color=R%7C100%7CG%7C200%7CB%7C150")]
    [InlineData(ParameterStyle.DeepObject, true, "color=blue&color=black&color=brown", "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150")]
    public void Query_styles_write_the_table(ParameterStyle style, bool explode, string list, string map)
    {
        Assert.Equal("?" + list, Query(new ApiRequestBuilder("GET", "/x").Query("color", s_list, static c => c, explode, style)));
        Assert.Equal("?" + map, Query(new ApiRequestBuilder("GET", "/x").QueryObject("color", s_object, TestJson.Default.DictionaryStringInt32, style, explode)));
    }

    private static string Path(ApiRequestBuilder request)
    {
        using var message = request.ToMessage(new Uri("https://api.example.invalid/"));
        return message.RequestUri!.AbsolutePath;
    }

    private static string Query(ApiRequestBuilder request)
    {
        using var message = request.ToMessage(new Uri("https://api.example.invalid/"));
        return message.RequestUri!.Query;
    }
}
