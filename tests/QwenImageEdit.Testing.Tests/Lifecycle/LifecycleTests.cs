using QwenImageEdit.Testing.Tests.Infrastructure;

namespace QwenImageEdit.Testing.Tests.Lifecycle;

/// <summary>Tasks move by status reads (no clock) or by the fake's TimeProvider (a manual clock here), never by sleeping.</summary>
public sealed class LifecycleTests
{
    private const string Key = "test-key";
    private const string Create = """{"model":"qwen-image-edit","prompt":"p","image_urls":["https://example.com/a.png"]}""";

    [Fact]
    public async Task Instant_is_done_at_the_first_poll()
    {
        await using var fake = new FakeEvoLink(new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant });
        using var client = fake.CreateHttpClient();
        var id = await CreateAsync(client);

        Assert.Equal(FakeTaskState.Queued, fake.GetTask(id).State);
        using var poll = await client.GetAsync("v1/tasks/" + id, Key);

        Assert.Equal("completed", (await poll.JsonAsync()).Str("status"));
        Assert.Equal((FakeTaskState.Succeeded, 1, 100), (fake.GetTask(id).State, fake.GetTask(id).Polls, fake.GetTask(id).Progress));
    }

    [Fact]
    public async Task After_polls_runs_for_that_many_reads()
    {
        await using var fake = new FakeEvoLink(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(4) });
        using var client = fake.CreateHttpClient();
        var id = await CreateAsync(client);

        var states = new List<FakeTaskState>();
        for (var i = 0; i < 5; i++)
        {
            using var poll = await client.GetAsync("v1/tasks/" + id, Key);
            states.Add(fake.GetTask(id).State);
        }

        Assert.Equal([FakeTaskState.Running, FakeTaskState.Running, FakeTaskState.Running, FakeTaskState.Running, FakeTaskState.Succeeded], states);
    }

    [Fact]
    public async Task Timed_moves_with_the_clock_even_when_nobody_polls()
    {
        var time = new ManualTimeProvider();
        await using var fake = new FakeEvoLink(new FakeVendorOptions { TimeProvider = time, Lifecycle = FakeLifecycle.Timed(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20)) });
        using var client = fake.CreateHttpClient();
        var id = await CreateAsync(client);
        var task = fake.GetTask(id);

        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(FakeTaskState.Queued, task.State);
        time.Advance(TimeSpan.FromSeconds(11));
        using var halfway = await client.GetAsync("v1/tasks/" + id, Key);
        var body = await halfway.JsonAsync();
        Assert.Equal(("processing", 50, 10), (body.Str("status"), body.GetProperty("progress").GetInt32(), body.GetProperty("task_info").GetProperty("estimated_time").GetInt32()));
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(FakeTaskState.Succeeded, task.State);
        Assert.Equal(time.GetUtcNow(), task.EndedAt);
        Assert.Equal(1, task.Polls);
    }

    [Fact]
    public async Task Fail_next_task_fails_only_the_next_task_with_the_vendor_error()
    {
        await using var fake = new FakeEvoLink(new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant });
        using var client = fake.CreateHttpClient();
        fake.FailNextTask("content_policy_violation", "The request was rejected by the content safety policy");
        var failed = await CreateAsync(client);
        var succeeded = await CreateAsync(client);

        using var first = await client.GetAsync("v1/tasks/" + failed, Key);
        using var second = await client.GetAsync("v1/tasks/" + succeeded, Key);

        var body = await first.JsonAsync();
        Assert.Equal("failed", body.Str("status"));
        Assert.Equal("content_policy_violation", body.GetProperty("error").Str("code"));
        Assert.False(body.TryGetProperty("results", out _));
        Assert.Equal("completed", (await second.JsonAsync()).Str("status"));
    }

    [Fact]
    public async Task A_test_can_advance_complete_or_cancel_a_task_and_an_ended_task_stays_ended()
    {
        await using var fake = new FakeModelsLab(new FakeVendorOptions { Lifecycle = FakeLifecycle.AfterPolls(10) });
        using var client = fake.CreateHttpClient();
        using var created = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", """{"key":"test-key","prompt":"p","init_image":"https://example.com/a.png"}""");
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var task = fake.GetTask(id);

        task.Advance();
        Assert.Equal((FakeTaskState.Running, 0), (task.State, task.Polls));
        task.Cancel();
        using var fetched = await client.PostJsonAsync("api/v6/image_editing/fetch/" + id, """{"key":"test-key"}""");

        Assert.Equal("error", (await fetched.JsonAsync()).Str("status"));
        Assert.Equal(FakeTaskState.Cancelled, task.State);
        Assert.Throws<InvalidOperationException>(task.Complete);
        Assert.Throws<KeyNotFoundException>(() => fake.GetTask("nope"));
    }

    [Fact]
    public async Task The_result_urls_follow_the_transport_once_the_fake_is_started()
    {
        await using var fake = new FakeEvoLink(new FakeVendorOptions { Lifecycle = FakeLifecycle.Instant });
        using var memory = fake.CreateHttpClient();
        var id = await CreateAsync(memory);
        fake.GetTask(id).Complete();
        Assert.Equal("evolink.fake", fake.GetTask(id).ResultUrls[0].Host);

        await fake.StartAsync();
        using var loopback = fake.CreateHttpClient();

        var url = fake.GetTask(id).ResultUrls[0];
        Assert.Equal("127.0.0.1", url.Host);
        Assert.Equal(ResultImage.Render(id, 0, 64), await loopback.GetByteArrayAsync(url));
    }

    private static async Task<string> CreateAsync(HttpClient client)
    {
        using var created = await client.PostJsonAsync("v1/images/generations", Create, Key);
        return (await created.JsonAsync()).Str("id");
    }
}
