namespace OpenApiGen.Runtime.Tests;

public sealed class FormUrlEncodedTests
{
    private static readonly CheckoutForm s_form = new()
    {
        Mode = "pay now",
        Amount = 12.50m,
        Capture = false,
        Expand = ["customer", "invoice"],
        Metadata = new() { ["order id"] = "A&B=1" },
        LineItems = [new() { Price = "price_1", Quantity = 2 }, new() { Price = "price_2", Quantity = 1 }],
    };

    [Fact]
    public void Without_an_encoding_values_repeat_and_structures_nest()
    {
        var text = Uri.UnescapeDataString(FormUrlEncoded.Text(s_form, TestJson.Default.CheckoutForm).Replace("+", "%20"));

        // OpenAPI's default for a list of values (form, exploded: Twilio's MediaUrl=a&MediaUrl=b); objects nested
        // in brackets rather than spread among the form's own members.
        Assert.Equal(
            "mode=pay now&amount=12.50&capture=false&expand=customer&expand=invoice&metadata[order id]=A&B=1"
            + "&line_items[0][price]=price_1&line_items[0][quantity]=2&line_items[1][price]=price_2&line_items[1][quantity]=1",
            text);
    }

    [Fact]
    public void DeepObject_members_are_written_the_way_Stripe_style_APIs_read_them()
    {
        var text = Uri.UnescapeDataString(FormUrlEncoded.Text(s_form, TestJson.Default.CheckoutForm, ("expand", FormStyle.DeepObject), ("line_items", FormStyle.DeepObject)).Replace("+", "%20"));

        Assert.Contains("&expand[]=customer&expand[]=invoice&", text, StringComparison.Ordinal);
        Assert.Contains("&line_items[1][quantity]=1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_and_values_are_escaped_and_nulls_left_out()
    {
        var text = FormUrlEncoded.Text(new CheckoutForm { Mode = "a b&c=d", Metadata = new() { ["k[1]"] = "é" } }, TestJson.Default.CheckoutForm);

        Assert.Equal("mode=a+b%26c%3Dd&metadata%5Bk%5B1%5D%5D=%C3%A9", text);
        Assert.DoesNotContain("note", text);
    }

    [Fact]
    public void A_members_encoding_style_is_honoured()
    {
        var form = new CheckoutForm { Expand = ["a", "b"] };

        var withMetadata = new CheckoutForm { Metadata = new() { ["k"] = "v", ["n"] = "1" } };

        Assert.Equal("expand=a&expand=b", FormUrlEncoded.Text(form, TestJson.Default.CheckoutForm, ("expand", FormStyle.Form)));
        Assert.Equal("expand=a%2Cb", FormUrlEncoded.Text(form, TestJson.Default.CheckoutForm, ("expand", FormStyle.FormNotExploded)));
        Assert.Equal("expand=a+b", FormUrlEncoded.Text(form, TestJson.Default.CheckoutForm, ("expand", FormStyle.SpaceDelimited)));
        Assert.Equal("expand=a%7Cb", FormUrlEncoded.Text(form, TestJson.Default.CheckoutForm, ("expand", FormStyle.PipeDelimited)));
        Assert.Equal("expand=%5B%22a%22%2C%22b%22%5D", FormUrlEncoded.Text(form, TestJson.Default.CheckoutForm, ("expand", FormStyle.Json)));

        // An object in form style: its members as pairs of their own when exploded, k,v,k,v when not (OpenAPI's table).
        Assert.Equal("k=v&n=1", FormUrlEncoded.Text(withMetadata, TestJson.Default.CheckoutForm, ("metadata", FormStyle.Form)));
        Assert.Equal("metadata=k%2Cv%2Cn%2C1", FormUrlEncoded.Text(withMetadata, TestJson.Default.CheckoutForm, ("metadata", FormStyle.FormNotExploded)));
    }

    [Fact]
    public async Task The_body_goes_out_as_a_form_that_ASP_NET_Core_reads_back()
    {
        await using var server = await Loopback.StartAsync(context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        using var http = new HttpClient();

        await new ApiPipeline(http, () => server.Address, null).SendAsync(new ApiRequestBuilder("POST", "/checkout").Form(s_form, TestJson.Default.CheckoutForm), ApiOperation.NoContent(), null, default);

        Assert.Equal("application/x-www-form-urlencoded", server.Last.ContentType);
        var read = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(server.Last.Body).ToDictionary(static f => f.Key, static f => f.Value.ToString());
        Assert.Equal("pay now", read["mode"]);
        Assert.Equal("customer,invoice", read["expand"]);
        Assert.Equal("A&B=1", read["metadata[order id]"]);
        Assert.Equal("price_2", read["line_items[1][price]"]);
    }
}
