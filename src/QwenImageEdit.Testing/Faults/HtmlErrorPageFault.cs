namespace QwenImageEdit.Testing;

/// <summary>What a reverse proxy in front of the vendor sends when the upstream is down: HTML, not the vendor's JSON.</summary>
internal sealed class HtmlErrorPageFault(int status) : Fault
{
    internal override ValueTask<FakeResponse?> BeforeProcessingAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var title = $"{status} {ReasonPhrase(status)}";
        var page = $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return ValueTask.FromResult<FakeResponse?>(FakeResponse.Text(page, "text/html", status));
    }

    private static string ReasonPhrase(int status) => status switch
    {
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Temporarily Unavailable",
        504 => "Gateway Time-out",
        _ => "Error",
    };

    public override string ToString() => $"HtmlErrorPage({status})";
}
