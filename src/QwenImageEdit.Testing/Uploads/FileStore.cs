namespace QwenImageEdit.Testing;

/// <summary>The files uploaded to a fake, by id.</summary>
internal sealed class FileStore(object gate)
{
    private readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);

    public void Add(StoredFile file)
    {
        lock (gate)
        {
            _files[file.Id] = file;
        }
    }

    public StoredFile? Find(string id)
    {
        lock (gate)
        {
            return _files.GetValueOrDefault(id);
        }
    }
}
