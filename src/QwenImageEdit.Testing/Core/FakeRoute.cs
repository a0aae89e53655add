namespace QwenImageEdit.Testing;

/// <summary>The kinds of request a fake vendor answers; faults are queued per kind.</summary>
public enum FakeRoute
{
    /// <summary>Any route: a fault queued for it applies to the next request of whatever kind.</summary>
    Any,

    /// <summary>
    /// Creating a task (EvoLink <c>POST /v1/images/generations</c>, ModelsLab <c>qwen_edit</c>, Apikley <c>createTask</c>,
    /// fal.ai's submit, Replicate's create prediction, DashScope's synchronous generation).
    /// </summary>
    Create,

    /// <summary>
    /// Reading a task's status or result (EvoLink <c>GET /v1/tasks/{id}</c>, ModelsLab <c>fetch/{id}</c>, Apikley
    /// <c>recordInfo</c>, fal.ai's status, status stream and result, Replicate's <c>GET /v1/predictions/{id}</c>).
    /// </summary>
    Poll,

    /// <summary>Uploading a file (EvoLink and Apikley file APIs, ModelsLab <c>base64_to_url</c>).</summary>
    Upload,

    /// <summary>Downloading a result image or an uploaded file that the fake serves itself.</summary>
    Result,

    /// <summary>Cancelling a task (fal.ai <c>PUT .../requests/{id}/cancel</c>, Replicate <c>POST /v1/predictions/{id}/cancel</c>).</summary>
    Cancel,
}
