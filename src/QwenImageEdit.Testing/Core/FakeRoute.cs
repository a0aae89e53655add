namespace QwenImageEdit.Testing;

/// <summary>The kinds of request a fake vendor answers; faults are queued per kind.</summary>
public enum FakeRoute
{
    /// <summary>Any route: a fault queued for it applies to the next request of whatever kind.</summary>
    Any,

    /// <summary>Creating a task (EvoLink <c>POST /v1/images/generations</c>, ModelsLab <c>qwen_edit</c>, Apikley <c>createTask</c>).</summary>
    Create,

    /// <summary>Reading a task's status (EvoLink <c>GET /v1/tasks/{id}</c>, ModelsLab <c>fetch/{id}</c>, Apikley <c>recordInfo</c>).</summary>
    Poll,

    /// <summary>Uploading a file (EvoLink and Apikley file APIs, ModelsLab <c>base64_to_url</c>).</summary>
    Upload,

    /// <summary>Downloading a result image or an uploaded file that the fake serves itself.</summary>
    Result,
}
