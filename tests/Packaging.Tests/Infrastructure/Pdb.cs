using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Packaging.Tests.Infrastructure;

/// <summary>What a portable PDB says about its sources: the SourceLink map, and which documents it embeds.</summary>
internal sealed class Pdb
{
    private static readonly Guid s_sourceLink = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid s_embeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    private Pdb(MetadataReader reader)
    {
        SourceLink = string.Empty;
        foreach (var handle in reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var information = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(information.Kind) == s_sourceLink)
            {
                SourceLink = Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value));
            }
        }

        EmbeddedDocuments = reader.Documents
            .Where(d => reader.GetCustomDebugInformation(d).Any(c => reader.GetGuid(reader.GetCustomDebugInformation(c).Kind) == s_embeddedSource))
            .Select(d => reader.GetString(reader.GetDocument(d).Name))
            .ToList();
    }

    /// <summary>The SourceLink JSON ({"documents":{"/_/*":"https://raw.githubusercontent.com/.../*"}}), or empty.</summary>
    public string SourceLink { get; }

    public IReadOnlyList<string> EmbeddedDocuments { get; }

    public static Pdb FromPortablePdb(byte[] bytes)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbImage([.. bytes]);
        return new Pdb(provider.GetMetadataReader());
    }

    /// <summary>The PDB embedded in an assembly (DebugType=embedded).</summary>
    public static Pdb EmbeddedIn(byte[] assembly)
    {
        using var pe = new PEReader([.. assembly]);
        var entry = pe.ReadDebugDirectory().Single(static e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(entry);
        return new Pdb(provider.GetMetadataReader());
    }

    /// <summary>The names of the assemblies an assembly references.</summary>
    public static IReadOnlyList<string> ReferencesOf(byte[] assembly)
    {
        using var pe = new PEReader([.. assembly]);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
    }
}
