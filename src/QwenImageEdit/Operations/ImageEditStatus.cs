namespace QwenImageEdit;

/// <summary>Where an edit is, the same for every vendor. The vendor's own word is kept in <see cref="ImageEditOperation.RawStatus"/>.</summary>
public enum ImageEditStatus
{
    /// <summary>The vendor sent a status the facade does not know; it is not taken as the end.</summary>
    Unknown,

    /// <summary>Accepted, waiting for a worker.</summary>
    Queued,

    /// <summary>Being generated.</summary>
    Running,

    /// <summary>Done; the images are ready.</summary>
    Succeeded,

    /// <summary>Ended without images; see <see cref="ImageEditOperation.Failure"/>.</summary>
    Failed,

    /// <summary>Cancelled at the vendor.</summary>
    Cancelled,
}
