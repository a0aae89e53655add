using System.Text.Json;
using OpenApiGen.Runtime;
using OpenApiGen.Tests.Infrastructure;

namespace OpenApiGen.Tests.Generation;

/// <summary>
/// The compact shapes of issue 14: extensible enums whose factory is their implicit conversion, objects and unions
/// that take <c>Validate()</c> from the runtime's <see cref="Validatable"/> and write a <c>ValidateInto</c> only when
/// there is something to check. Run as compiled code, not only read as text.
/// </summary>
public sealed class CompactTypesTests
{
    private static GeneratorRun Generate(string schemas)
    {
        var spec = $"""
            openapi: 3.0.3
            info: {"{"}title: Compact, version: '1'{"}"}
            paths: {"{"}{"}"}
            components:
              schemas:
            {string.Join("\n", schemas.Split('\n').Select(static l => "    " + l))}
            """;
        var run = GeneratorHarness.Run(new[] { new SpecSource("/specs/compact.yaml", spec, "Compact", "CompactClient") });
        Assert.Empty(run.CompilationProblems);
        Assert.DoesNotContain(run.GeneratorDiagnostics, static d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return run;
    }

    [Fact]
    public void An_enum_with_values_named_like_its_members_and_the_old_factory_compiles_and_round_trips()
    {
        var run = Generate("""
            Odd:
              type: string
              enum: [value, Value, Create, KnownValues, class, a, A, ToString]
            """);
        var type = run.Load().GetType("Compact.Odd")!;

        // Every value has a member, none of them the struct's own (Value, KnownValues, ToString) or a keyword as such.
        var known = (System.Collections.IEnumerable)type.GetProperty("KnownValues")!.GetValue(null)!;
        Assert.Equal(new[] { "value", "Value", "Create", "KnownValues", "class", "a", "A", "ToString" }, known.Cast<object>().Select(static v => v.ToString()));
        Assert.NotNull(type.GetProperty("Create"));

        // A documented value and an unknown one both round-trip, through the one shared converter and the conversion.
        foreach (var wire in new[] { "\"class\"", "\"Create\"", "\"added-later\"" })
        {
            var value = JsonSerializer.Deserialize(wire, type)!;
            Assert.Equal(wire, JsonSerializer.Serialize(value, type));
            Assert.Equal(wire.Trim('"'), value.ToString());
        }

        // "a" and "A" get two members (which is which is the naming's business) and stay two values: ordinal equality.
        var values = type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(p => p.PropertyType == type).Select(p => p.GetValue(null)!).ToList();
        Assert.Equal(8, values.Select(static v => v.ToString()).Distinct(StringComparer.Ordinal).Count());
        var fromString = type.GetMethod("op_Implicit", new[] { typeof(string) })!.Invoke(null, new object[] { "A" })!;
        Assert.Single(values, v => v.Equals(fromString));
        Assert.Equal("A", values.Single(v => v.Equals(fromString)).ToString());
        var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => Activator.CreateInstance(type, new object?[] { null }));
        Assert.IsType<ArgumentNullException>(error.InnerException);
    }

    [Fact]
    public void A_type_with_nothing_to_check_writes_no_validation_and_is_not_asked_while_a_base_with_a_checked_subclass_is()
    {
        var run = Generate("""
            Plain:
              type: object
              properties:
                a: {type: string}
            Base:
              type: object
              properties:
                name: {type: string}
            Derived:
              allOf:
                - $ref: '#/components/schemas/Base'
                - type: object
                  properties:
                    n: {type: integer, format: int32, maximum: 3}
            Choice:
              oneOf:
                - {type: string}
                - {type: integer, format: int32}
            Holder:
              type: object
              properties:
                plain: {$ref: '#/components/schemas/Plain'}
                base: {$ref: '#/components/schemas/Base'}
                choice: {$ref: '#/components/schemas/Choice'}
            """);

        Assert.DoesNotContain("ValidateInto", run.Source(".Plain.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("ValidateInto", run.Source(".Base.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("ValidateInto", run.Source(".Choice.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public override void ValidateInto", run.Source(".Derived.g.cs"), StringComparison.Ordinal);
        var holderSource = run.Source(".Holder.g.cs");
        var holder = holderSource[holderSource.IndexOf("ValidateInto", StringComparison.Ordinal)..holderSource.IndexOf("namespace Compact.Serialization", StringComparison.Ordinal)];
        Assert.Contains("v_Base.ValidateInto(collector, global::OpenApiGen.Runtime.ValidationCollector.Member(path, \"base\"));", holder, StringComparison.Ordinal);
        Assert.DoesNotContain("v_Plain", holder, StringComparison.Ordinal);
        Assert.DoesNotContain("v_Choice", holder, StringComparison.Ordinal);

        var assembly = run.Load();
        var holderType = assembly.GetType("Compact.Holder")!;
        var derivedType = assembly.GetType("Compact.Derived")!;
        var value = (Validatable)Activator.CreateInstance(holderType)!;
        Assert.Empty(value.Validate());
        Assert.Empty(((Validatable)Activator.CreateInstance(assembly.GetType("Compact.Plain")!)!).Validate());

        var derived = Activator.CreateInstance(derivedType)!;
        derivedType.GetProperty("N")!.SetValue(derived, 5);
        holderType.GetProperty("Base")!.SetValue(value, derived);
        var violation = Assert.Single(value.Validate());
        Assert.Equal("$.base.n", violation.Path);
        Assert.Equal("maximum", violation.Rule);
        Assert.Throws<ArgumentNullException>(() => value.ValidateInto(null!, "$"));
        Assert.Throws<ArgumentNullException>(() => ((Validatable)Activator.CreateInstance(assembly.GetType("Compact.Plain")!)!).ValidateInto(null!, "$"));
    }
}
