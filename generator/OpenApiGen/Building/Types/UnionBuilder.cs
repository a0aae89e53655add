using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Building;

/// <summary>
/// The body of a union: a case per distinct branch of a <c>oneOf</c>/<c>anyOf</c> (or per type of a 3.1 type array),
/// each with what tells it apart when read (an object's required members, closed values, a discriminator's values).
/// </summary>
internal static class UnionBuilder
{
    private static readonly JsonSchemaType[] s_typeOrder =
    {
        JsonSchemaType.Boolean, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.String, JsonSchemaType.Array, JsonSchemaType.Object,
    };

    public static void Build(BuildContext context, PendingType pending)
    {
        var schema = pending.Schema;
        var name = pending.Name.Name;
        var pointer = pending.Pointer;
        var stem = context.Names.StemOf(name);
        var cases = new List<(TypeRef Type, IOpenApiSchema? Object, IOpenApiSchema Schema, string Pointer, string[]? Tags)>();
        if (SchemaFacts.Alternatives(schema) is { } alternatives)
        {
            var keyword = SchemaFacts.AlternativesKeyword(schema);
            if (schema.Discriminator is { PropertyName: { Length: > 0 } })
            {
                DiscriminatorMappings.ReportOutsideComponents(context, pointer, name, "is matched to a case by its members");
            }

            for (var i = 0; i < alternatives.Count; i++)
            {
                var branch = alternatives[i];
                if (SchemaFacts.IsNullOnly(branch))
                {
                    continue;
                }

                var target = SchemaFacts.Resolved(branch);
                var caseContext = target.Title is { Length: > 0 } title && branch is not OpenApiSchemaReference
                    ? stem + Identifier.ToPascalCase(title)
                    : stem + "Option" + (i + 1).ToString(CultureInfo.InvariantCulture);
                var branchPointer = pointer + "/" + keyword + "/" + i;
                var type = TypeResolver.Resolve(context, branch, caseContext, branchPointer).WithNullable(false);
                if (type.Kind == TypeKind.Union && type.Name == pending.Name)
                {
                    // A branch that is the union itself adds no value the other branches do not: oneOf [Node, string] is a string.
                    continue;
                }

                cases.Add((type, type.Kind == TypeKind.Object ? target : null, target, branchPointer, DiscriminatorValues(schema.Discriminator, branch)));
            }
        }
        else
        {
            // A 3.1 type array, [integer, string], or an enum of mixed values: each type read with the rest of the schema.
            var types = SchemaFacts.NonNullType(schema) ?? SchemaFacts.EnumValueTypes(schema)!.Value;
            foreach (var single in s_typeOrder)
            {
                if ((types & single) != 0)
                {
                    cases.Add((TypeResolver.OfType(context, schema, single, stem + single, pointer), null, schema, pointer, null));
                }
            }
        }

        var scope = NewCaseScope(name);
        var models = new List<UnionCaseModel>();
        foreach (var (type, objectSchema, caseSchema, casePointer, tags) in cases.GroupBy(static c => c.Type).Select(static g => g.First()))
        {
            var caseName = scope.Claim(CaseName(type), "a case");
            var items = type.Kind == TypeKind.List ? SchemaConstraints.Items(caseSchema) : null;
            var constraints = type.Kind is TypeKind.Object or TypeKind.Union ? ConstraintModel.None : SchemaConstraints.Of(context, caseSchema, casePointer);
            var itemConstraints = items is null ? ConstraintModel.None : SchemaConstraints.Of(context, items, casePointer + "/items");
            models.Add(objectSchema is null
                ? PlainCase(caseName, type, constraints, itemConstraints)
                : ObjectCase(context, caseName, type, objectSchema, schema.Discriminator?.PropertyName, tags));
        }

        context.Types.Add(pending.Name, new UnionTypeModel(name, DocBuilder.ForSchema(schema), pointer, models.ToEquatableArray()));
    }

    /// <summary>
    /// The names a union's cases take, clear of the members every union has, and such that no case's <c>Is</c> or
    /// <c>TryGet</c> member is named like the union (CS0542: a union IsString with a String case).
    /// </summary>
    public static NameScope NewCaseScope(string unionName)
    {
        var scope = new NameScope("Unmatched", "Match", "WriteTo", "ValidateInto");
        foreach (var prefix in new[] { "Is", "TryGet" })
        {
            if (unionName.Length > prefix.Length && unionName.StartsWith(prefix, StringComparison.Ordinal))
            {
                scope.Claim(unionName.Substring(prefix.Length), "a name whose " + prefix + " member would be the union's own");
            }
        }

        return scope;
    }

    public static UnionCaseModel PlainCase(string name, TypeRef type, ConstraintModel constraints, ConstraintModel itemConstraints)
        => new(name, type, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<UnionConstraint>.Empty, constraints, itemConstraints);

    /// <summary>What tells an object case apart: its required members, its members, and those with a closed set of values.</summary>
    public static UnionCaseModel ObjectCase(BuildContext context, string name, TypeRef type, IOpenApiSchema schema, string? discriminator, string[]? tags)
    {
        var properties = new List<CollectedProperty>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        PropertyCollector.Collect(context, schema, string.Empty, properties, required, PropertyCollector.NewVisited());
        var constraints = new List<UnionConstraint>();
        foreach (var property in properties)
        {
            var target = SchemaFacts.Resolved(property.Schema);
            if (SchemaFacts.StringEnumValues(target) is { } values)
            {
                constraints.Add(new UnionConstraint(property.Wire, values.ToEquatableArray()));
            }
        }

        // With a discriminator, its value alone decides: the member is required and only the mapped values select this case.
        if (discriminator is not null && tags is not null)
        {
            constraints.RemoveAll(c => string.Equals(c.WireName, discriminator, StringComparison.Ordinal));
            constraints.Add(new UnionConstraint(discriminator, tags.ToEquatableArray()));
            required.Add(discriminator);
        }

        return new UnionCaseModel(
            name,
            type,
            properties.Select(static p => p.Wire).Concat(required).Distinct(StringComparer.Ordinal).Where(required.Contains).ToEquatableArray(),
            properties.Select(static p => p.Wire).ToEquatableArray(),
            constraints.ToEquatableArray(),
            ConstraintModel.None,
            ConstraintModel.None);
    }

    /// <summary>A case's name from its type: <c>String</c>, <c>Int64</c>, <c>StringList</c>, or a generated type's own name.</summary>
    public static string CaseName(TypeRef type) => type.Kind switch
    {
        TypeKind.List => CaseName(type.Element!) + "List",
        TypeKind.Map => CaseName(type.Element!) + "Map",
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => type.Name!.Name,
        TypeKind.Json => "Json",
        _ => type.Kind.ToString(),
    };

    /// <summary>The discriminator values that select a branch: those the mapping gives it, or else its schema's name.</summary>
    private static string[]? DiscriminatorValues(OpenApiDiscriminator? discriminator, IOpenApiSchema branch)
    {
        if (discriminator?.PropertyName is not { Length: > 0 } || branch is not OpenApiSchemaReference reference || SchemaReferences.ComponentId(reference) is not { } id)
        {
            return null;
        }

        var mapped = (discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
            .Where(pair => string.Equals(SchemaReferences.ComponentId(pair.Value), id, StringComparison.Ordinal))
            .Select(static pair => pair.Key)
            .ToArray();
        return mapped.Length > 0 ? mapped : new[] { id };
    }
}
