namespace QwenImageEdit.Testing;

/// <summary>Where a fake task is in its life; each vendor spells these its own way on the wire.</summary>
public enum FakeTaskState
{
    /// <summary>Accepted, not started (EvoLink <c>pending</c>, ModelsLab <c>processing</c>, Apikley <c>waiting</c>/<c>queuing</c>).</summary>
    Queued,

    /// <summary>Being generated (EvoLink <c>processing</c> with progress, ModelsLab <c>processing</c>, Apikley <c>generating</c>).</summary>
    Running,

    /// <summary>Done, with result images (EvoLink <c>completed</c>, ModelsLab <c>success</c>, Apikley <c>success</c>).</summary>
    Succeeded,

    /// <summary>Ended with an error (EvoLink <c>failed</c>, ModelsLab <c>error</c>/<c>failed</c>, Apikley <c>fail</c>).</summary>
    Failed,

    /// <summary>Cancelled (EvoLink <c>cancelled</c>; the others have no such state and report a failure).</summary>
    Cancelled,
}
