namespace QwenImageEdit.Vendors;

/// <summary>What a request to a vendor does, which decides the redirects it may follow.</summary>
internal enum RequestKind
{
    /// <summary>Creates a task (it bills): no redirect is followed, and a redirected create is never sent again.</summary>
    Create,

    /// <summary>Reads a task: redirects are followed within the same origin.</summary>
    Poll,

    /// <summary>Uploads an input image: redirects are followed within the same origin.</summary>
    Upload,

    /// <summary>
    /// Reads a task's status stream: redirects as for <see cref="Poll"/>; a successful event stream is handed on as it
    /// arrives (<see cref="ScrubbedEventStream"/>), not read whole.
    /// </summary>
    Stream,
}
