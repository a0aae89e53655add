using QwenImageEdit.Testing.Tests.Infrastructure;

namespace QwenImageEdit.Testing.Tests.Core;

/// <summary>The API key appears nowhere a test (or its failure message) can read it back.</summary>
public sealed class RedactionTests
{
    private const string Secret = "sk-live-0123456789abcdef";

    [Fact]
    public async Task ModelsLab_body_keys_are_masked_in_requests_tasks_and_violations()
    {
        await using var fake = new FakeModelsLab(new FakeVendorOptions { ApiKey = Secret });
        using var client = fake.CreateHttpClient();

        using var accepted = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", $$"""{"key":"{{Secret}}","prompt":"say {{Secret}}","init_image":"https://example.com/a.png"}""");
        using var refused = await client.PostJsonAsync("api/v6/image_editing/qwen_edit", """{"key":"sk-other-account","prompt":"p","init_image":"https://example.com/a.png"}""");

        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal("""{"key":"***","prompt":"say ***","init_image":"https://example.com/a.png"}""", fake.Requests[0].BodyText);
        Assert.DoesNotContain("sk-other-account", fake.Requests[1].BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, Assert.Single(fake.Tasks).RequestJson, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, Assert.Single(fake.Violations).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bearer_keys_keep_only_their_scheme_and_a_key_in_the_path_is_masked_too()
    {
        await using var fake = new FakeEvoLink(new FakeVendorOptions { ApiKey = Secret });
        using var client = fake.CreateHttpClient();

        using var response = await client.GetAsync("v1/tasks/" + Secret, Secret);
        using var unknown = await client.GetAsync("v2/" + Secret, Secret);

        Assert.Equal("Bearer ***", fake.Requests[0].Headers["Authorization"]);
        Assert.Equal("/v1/tasks/***", fake.Requests[0].Path);
        Assert.Equal("path", Assert.Single(fake.Violations).Location);
        Assert.DoesNotContain(Secret, fake.Violations[0].Operation, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
