namespace QwenImageEdit;

/// <summary>One problem with a request, found before anything was sent.</summary>
/// <param name="Option">The request member at fault (<c>Count</c>, <c>Images[1]</c>, <c>CallbackUrl</c>, ...).</param>
/// <param name="Message">What is wrong, naming the vendor's limit.</param>
public sealed record ImageEditValidationError(string Option, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Option}: {Message}";
}
