namespace QwenImageEdit.Tests.Unit;

public sealed class CallbackUrlTests
{
    [Theory]
    [InlineData("http://example.com/hook", "https://")]
    [InlineData("https://localhost/hook", "loopback")]
    [InlineData("https://127.0.0.1/hook", "loopback")]
    [InlineData("https://[::1]/hook", "loopback")]
    [InlineData("https://10.1.2.3/hook", "private")]
    [InlineData("https://172.16.0.1/hook", "private")]
    [InlineData("https://172.31.255.255/hook", "private")]
    [InlineData("https://192.168.0.1/hook", "private")]
    [InlineData("https://169.254.169.254/latest/meta-data", "private")]
    [InlineData("https://[fd00::1]/hook", "private")]
    [InlineData("https://api.localhost/hook", "loopback")]
    public void Refused(string url, string reason)
        => Assert.Contains(reason, RequestRules.CallbackUrlProblem(new Uri(url)));

    [Theory]
    [InlineData("https://example.com/hook")]
    [InlineData("https://172.32.0.1/hook")]
    [InlineData("https://8.8.8.8/hook?x=1")]
    public void Accepted(string url) => Assert.Null(RequestRules.CallbackUrlProblem(new Uri(url)));

    [Fact]
    public void Longer_than_2048_characters_is_refused()
    {
        var url = new Uri("https://example.com/" + new string('a', 2049 - "https://example.com/".Length));

        Assert.Contains("2048", RequestRules.CallbackUrlProblem(url));
        Assert.Null(RequestRules.CallbackUrlProblem(new Uri("https://example.com/" + new string('a', 2048 - "https://example.com/".Length))));
    }
}
