using System.Text;

namespace QwenImageEdit.Testing;

/// <summary>What a fake saw: every request, with credentials redacted, and every way one broke the vendor's contract.</summary>
internal sealed class RequestJournal(FakeVendorOptions options, VendorProfile profile)
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<ContractViolation> _violations = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<ContractViolation> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    // Read per use: a test may change the key between requests.
    public Redactor Redactor => new(options.ApiKey);

    public void Record(FakeRequest request, FakeOperation? operation)
    {
        var redactor = Redactor;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase) ? Redactor.Authorization(value) : redactor.Text(value);
        }

        var body = redactor.JsonBody(Encoding.UTF8.GetString(request.Body), profile.BodyCredentialMembers);
        var recorded = new RecordedRequest(
            request.Method,
            redactor.Text(request.RawPath),
            redactor.Text(request.Query),
            headers,
            body,
            operation?.Route,
            operation?.Name,
            options.TimeProvider.GetUtcNow());
        lock (_gate)
        {
            _requests.Add(recorded);
        }
    }

    public void AddViolation(FakeRoute? route, string operation, string location, string message)
    {
        var violation = new ContractViolation(route, operation, location, Redactor.Text(message));
        lock (_gate)
        {
            _violations.Add(violation);
        }
    }
}
