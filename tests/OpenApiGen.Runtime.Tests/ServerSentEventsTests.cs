using Microsoft.AspNetCore.Http;

namespace OpenApiGen.Runtime.Tests;

public sealed class ServerSentEventsTests
{
    private static readonly ApiOperation<Token> s_stream = ApiOperation.Events(static () => TestJson.Default.Token).Error(429, static () => TestJson.Default.Problem);

    private static Task<Loopback> Server(string body, int status = 200, string contentType = "text/event-stream")
        => Loopback.StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            foreach (var line in body.Split('|'))
            {
                await context.Response.WriteAsync(line);
                await context.Response.Body.FlushAsync();
            }
        });

    [Fact]
    public async Task Each_events_data_is_one_value_and_DONE_ends_the_stream()
    {
        await using var server = await Server(": keep-alive\n\ndata: {\"text\":\"Hel\"}\n\n|event: token\ndata: {\"text\":\"lo\"}\n\ndata: [DONE]\n\ndata: {\"text\":\"after\"}\n\n");
        using var http = new HttpClient();
        var texts = new List<string?>();

        await foreach (var token in new ApiPipeline(http, () => server.Address, null).StreamAsync(new ApiRequestBuilder("POST", "/generate_stream"), s_stream, null, default))
        {
            texts.Add(token.Text);
        }

        Assert.Equal(["Hel", "lo"], texts);
        Assert.Equal("text/event-stream", server.Last.Headers["Accept"]);
    }

    [Fact]
    public async Task An_event_that_is_not_the_documented_JSON_is_an_ApiException_with_its_excerpt()
    {
        await using var server = await Server("data: {\"text\":\"ok\"}\n\ndata: {not json\n\n");
        using var http = new HttpClient();
        var seen = 0;

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var _ in new ApiPipeline(http, () => server.Address, null).StreamAsync(new ApiRequestBuilder("GET", "/s"), s_stream, null, default))
            {
                seen++;
            }
        });

        Assert.Equal(1, seen);
        Assert.Contains("{not json", error.BodyExcerpt);
    }

    [Fact]
    public async Task An_error_answer_throws_from_the_first_step_typed()
    {
        await using var server = await Server("""{"code":"slow down"}""", 429, "application/json");
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<ApiException<Problem>>(async () =>
        {
            await foreach (var _ in new ApiPipeline(http, () => server.Address, null).StreamAsync(new ApiRequestBuilder("GET", "/s"), s_stream, null, default))
            {
            }
        });

        Assert.Equal("slow down", error.Error.Code);
    }
}
