using System.Text.Json.Nodes;
using CsCheck;
using OpenApiGen.Fuzz.Seeds;

namespace OpenApiGen.Fuzz.Mutation;

/// <summary>
/// Makes mutant number i of a campaign from the campaign's seed alone: its own PCG stream picks the spec, the slice,
/// the operators and their targets, so any mutant can be made again (<c>show --index i</c>) without running the others.
/// </summary>
internal sealed class Mutator(IReadOnlyList<SeedSpec> seeds, ulong seed)
{
    private static readonly int s_totalWeight = Operators.All.Sum(static o => o.Weight);

    public Mutant Make(long index)
    {
        var random = new PCG((uint)(index & 0x7FFFFFFF), seed ^ (ulong)(index >> 31));
        var spec = seeds[(int)random.Next((uint)seeds.Count)];
        var stem = Path.GetFileNameWithoutExtension(spec.Name);

        // Now and then the published YAML itself, mutated only as text: what the tree cannot say is in the text.
        if (spec.YamlText is not null && !spec.IsLarge && random.Next(8) == 0)
        {
            var textOnly = new MutationContext(new JsonObject(), random);
            var mutated = YamlQuirks.Mutate(spec.YamlText, textOnly);
            return new Mutant(index, spec.Name, stem + ".yaml", mutated, textOnly.Log);
        }

        var sliced = spec.IsLarge;
        var root = sliced ? Slicer.Slice(spec.Root, random) : (JsonObject)spec.Root.DeepClone();
        var context = new MutationContext(root, random);
        if (sliced)
        {
            context.Note("slice: " + string.Join(", ", ((root["paths"] as JsonObject)?.Select(static p => p.Key) ?? []).Concat((root["components"]?["schemas"] as JsonObject)?.Select(static p => "#" + p.Key) ?? []).Take(8)));
        }

        var count = 1 + context.Next(4);
        for (var applied = 0; applied < count;)
        {
            var pick = context.Next(s_totalWeight);
            var op = Operators.All.First(o => (pick -= o.Weight) < 0);
            if (op.Apply(context))
            {
                applied++;
            }
            else if (context.Chance(8))
            {
                // An operator with nothing to work on; stop trying rather than loop on a tiny document.
                break;
            }
        }

        // The file's form: mostly the seed's own; YAML mutants now and then mutated as text too.
        var asYaml = spec.YamlText is not null ? !context.Chance(4) : context.Chance(4);
        string text;
        if (context.Deep)
        {
            // Flow style (JSON is YAML) for either reader: block indentation would grow with the square of the depth.
            text = SpecText.Json(root, context.Duplicates, raw: context.Chance(2), indented: false);
        }
        else if (asYaml)
        {
            text = SpecText.Yaml(root, context.Duplicates);
            if (context.Chance(4))
            {
                text = YamlQuirks.Mutate(text, context);
            }
        }
        else
        {
            text = SpecText.Json(root, context.Duplicates, raw: context.Chance(2));
        }

        return new Mutant(index, spec.Name, stem + (asYaml ? ".yaml" : ".json"), text, context.Log);
    }
}
