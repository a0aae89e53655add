namespace OpenApiGen.Fuzz.Mutation;

/// <summary>One mutated spec: where it came from, what was done to it, and its text as a file would hold it.</summary>
/// <param name="Index">Its number in the campaign; with the seed, all it takes to make it again.</param>
/// <param name="Seed">The spec it started from.</param>
/// <param name="FileName">The file name the generator sees (its extension picks the reader).</param>
/// <param name="Text">The document.</param>
/// <param name="Mutations">What each operator did.</param>
internal sealed record Mutant(long Index, string Seed, string FileName, string Text, IReadOnlyList<string> Mutations);
