using System.Globalization;
using static OpenApiGen.Cli.Diff.ChangeRules;

namespace OpenApiGen.Cli.Diff;

/// <summary>
/// Two versions of a spec's surface, compared as users of the generated code meet them. Types are paired by where
/// their schema is in the spec, then by name (so a renamed type is one change, not a removal and an addition, and the
/// members that refer to it are unchanged); members by wire name, then by C# name (a C# rename is breaking, a wire
/// rename is wire only); operations by HTTP method and path, then by method name. Whether a type change breaks depends
/// on where users meet the type (<see cref="TypeUsage"/>): what they write may widen, what they read may narrow.
/// </summary>
internal sealed class SurfaceComparer
{
    private readonly ApiSurface _old;
    private readonly ApiSurface _new;
    private readonly IReadOnlyDictionary<string, Usage> _oldUsage;
    private readonly IReadOnlyDictionary<string, Usage> _newUsage;
    private readonly Dictionary<string, string> _renamed = new(StringComparer.Ordinal);
    private readonly List<Change> _changes = [];

    private SurfaceComparer(ApiSurface old, ApiSurface @new)
    {
        _old = old;
        _new = @new;
        _oldUsage = TypeUsage.Of(old);
        _newUsage = TypeUsage.Of(@new);
    }

    public static IReadOnlyList<Change> Compare(ApiSurface old, ApiSurface @new)
    {
        var comparer = new SurfaceComparer(old, @new);
        var types = comparer.PairTypes();
        comparer.CompareClient();
        comparer.CompareOperations();
        foreach (var (before, after) in types)
        {
            comparer.CompareType(before, after);
        }

        return comparer._changes;
    }

    // ---- Types ----

    private List<(SurfaceType Old, SurfaceType New)> PairTypes()
    {
        var pairs = Pair(_old.Types, _new.Types, static t => t.Pointer, static t => t.Name);
        foreach (var (before, after) in pairs.Matched)
        {
            if (before.Name != after.Name)
            {
                _renamed[before.Name] = after.Name;
                Add(TypeRenamed, before.Name, $"renamed {after.Name} (the schema at {after.Pointer})");
            }
        }

        foreach (var removed in pairs.OnlyOld)
        {
            Add(TypeRemoved, removed.Name, $"{removed.KindName} removed (was the schema at {removed.Pointer})");
        }

        foreach (var added in pairs.OnlyNew)
        {
            Add(TypeAdded, added.Name, $"new {added.KindName} (the schema at {added.Pointer})");
        }

        return pairs.Matched;
    }

    private void CompareType(SurfaceType before, SurfaceType after)
    {
        var name = after.Name;
        CompareDocs(name, before.Docs, after.Docs);
        switch ((before, after))
        {
            case (ObjectSurface o, ObjectSurface n):
                CompareObject(o, n);
                break;
            case (EnumSurface o, EnumSurface n):
                CompareEnum(o, n);
                break;
            case (UnionSurface o, UnionSurface n):
                CompareUnion(o, n);
                break;
            default:
                Add(TypeKindChanged, name, $"was {Article(before.KindName)}, is {Article(after.KindName)}");
                break;
        }
    }

    private void CompareObject(ObjectSurface before, ObjectSurface after)
    {
        var type = after.Name;
        var usage = UsageOf(before.Name, after.Name);
        if (Renamed(before.BaseType) != after.BaseType)
        {
            Add(BaseTypeChanged, type, $"base class {before.BaseType ?? "none"} -> {after.BaseType ?? "none"}");
        }

        if (before.ExtensionData != after.ExtensionData)
        {
            if (after.ExtensionData is null)
            {
                Add(ExtensionDataRemoved, type, $"no longer keeps unnamed members ({before.ExtensionData} removed)");
            }
            else if (before.ExtensionData is null)
            {
                Add(ExtensionDataAdded, type, $"keeps unnamed members in {after.ExtensionData}");
            }
            else
            {
                Add(MemberTypeChanged, type + "." + after.ExtensionData.Split(':')[0], $"unnamed members kept as {before.ExtensionData} -> {after.ExtensionData}");
            }
        }

        CompareSubtypes(before, after);

        var members = Pair(before.Members, after.Members, static m => m.WireName, static m => m.Name);
        foreach (var removed in members.OnlyOld)
        {
            Add(MemberRemoved, $"{type}.{removed.Name}", $"removed (wire '{removed.WireName}')");
        }

        foreach (var added in members.OnlyNew)
        {
            var subject = $"{type}.{added.Name}";
            var what = $"new {(added.IsRequired ? "required" : "optional")} {added.Type} (wire '{added.WireName}')";
            if (!added.IsRequired)
            {
                Add(MemberAddedOptional, subject, what);
            }
            else
            {
                Add(usage.HasFlag(Usage.Request) ? MemberAddedRequired : ResponseMemberAddedRequired, subject, what);
            }
        }

        foreach (var (o, n) in members.Matched)
        {
            CompareMember(type, usage, o, n);
        }
    }

    private void CompareSubtypes(ObjectSurface before, ObjectSurface after)
    {
        if (before.DiscriminatorWireName != after.DiscriminatorWireName && before.DiscriminatorWireName is not null && after.DiscriminatorWireName is not null)
        {
            Add(DiscriminatorChanged, after.Name, $"subclasses chosen by '{before.DiscriminatorWireName}' -> '{after.DiscriminatorWireName}'");
        }

        var subtypes = Pair(before.Subtypes.Select(s => (s.Value, Type: Renamed(s.Type)!)).ToList(), after.Subtypes, static s => s.Type, static s => s.Value);
        foreach (var removed in subtypes.OnlyOld)
        {
            Add(SubtypeRemoved, after.Name, $"'{removed.Value}' no longer reads as {removed.Type}");
        }

        foreach (var added in subtypes.OnlyNew)
        {
            Add(SubtypeAdded, after.Name, $"'{added.Value}' reads as {added.Type}");
        }

        foreach (var (o, n) in subtypes.Matched.Where(static p => p.Old.Value != p.New.Value))
        {
            Add(DiscriminatorChanged, after.Name, $"{n.Type} is chosen by '{o.Value}' -> '{n.Value}'");
        }
    }

    private void CompareMember(string type, Usage usage, SurfaceMember before, SurfaceMember after)
    {
        var subject = $"{type}.{after.Name}";
        if (before.Name != after.Name)
        {
            Add(MemberRenamed, $"{type}.{before.Name}", $"renamed {after.Name} (wire '{after.WireName}')");
        }
        else if (before.WireName != after.WireName)
        {
            Add(MemberWireNameChanged, subject, $"wire name '{before.WireName}' -> '{after.WireName}'");
        }

        // A member that became required (or optional) is usually no longer (or now) nullable: one change, said once.
        var oldType = Renamed(before.Type);
        var requiredChanged = before.IsRequired != after.IsRequired;
        var onlyNullability = oldType != after.Type && oldType.NotNull == after.Type.NotNull;
        if (oldType != after.Type && !(requiredChanged && onlyNullability))
        {
            var (rule, why) = TypeChange(usage, oldType, after.Type, RequestMemberTypeWidened, ResponseMemberTypeNarrowed, MemberTypeChanged);
            Add(rule, subject, $"type {before.Type} -> {after.Type}{why}");
        }
        else if (oldType == after.Type && before.AllowsNull != after.AllowsNull)
        {
            Add(MemberNullChanged, subject, after.AllowsNull ? "JSON null is now a value it takes" : "JSON null is no longer a value it takes");
        }

        if (requiredChanged)
        {
            var rule = after.IsRequired
                ? usage.HasFlag(Usage.Request) ? MemberBecameRequired : ResponseMemberBecameRequired
                : usage.HasFlag(Usage.Response) ? ResponseMemberBecameOptional : MemberBecameOptional;
            var now = onlyNullability ? $" ({before.Type} -> {after.Type})" : string.Empty;
            Add(rule, subject, (after.IsRequired ? "optional -> required" : "required -> optional") + now);
        }

        if (before.Default != after.Default)
        {
            Add(MemberDefaultChanged, subject, $"starts as (and is sent when left unset) {before.Default ?? "nothing"} -> {after.Default ?? "nothing"}");
        }

        CompareConstraints(subject, usage, before.Constraints, after.Constraints, string.Empty);
        CompareConstraints(subject, usage, before.ItemConstraints, after.ItemConstraints, "each item's ");
        CompareDocs(subject, before.Docs, after.Docs, skipDefault: before.Default != after.Default);
    }

    private void CompareEnum(EnumSurface before, EnumSurface after)
    {
        var values = Pair(before.Values, after.Values, static v => v.WireValue, static v => v.Name);
        foreach (var removed in values.OnlyOld)
        {
            Add(EnumValueRemoved, $"{after.Name}.{removed.Name}", $"removed ('{removed.WireValue}' now reads as an unknown value)");
        }

        foreach (var added in values.OnlyNew)
        {
            Add(EnumValueAdded, $"{after.Name}.{added.Name}", $"new value '{added.WireValue}'");
        }

        foreach (var (o, n) in values.Matched)
        {
            if (o.Name != n.Name)
            {
                Add(EnumValueRenamed, $"{after.Name}.{o.Name}", $"renamed {n.Name} ('{n.WireValue}')");
            }
            else if (o.WireValue != n.WireValue)
            {
                Add(EnumValueWireChanged, $"{after.Name}.{n.Name}", $"wire value '{o.WireValue}' -> '{n.WireValue}'");
            }

            if (o.Description != n.Description)
            {
                Add(DocsChanged, $"{after.Name}.{n.Name}", "description changed");
            }
        }
    }

    private void CompareUnion(UnionSurface before, UnionSurface after)
    {
        var usage = UsageOf(before.Name, after.Name);
        var cases = Pair(before.Cases.Select(c => (c.Name, Type: Renamed(c.Type))).ToList(), after.Cases, static c => c.Type.ToString(), static c => c.Name);
        foreach (var removed in cases.OnlyOld)
        {
            Add(UnionCaseRemoved, after.Name, $"no longer holds {removed.Type} (Is{removed.Name}, TryGet{removed.Name} removed)");
        }

        foreach (var added in cases.OnlyNew)
        {
            Add(usage.HasFlag(Usage.Response) ? ResponseUnionCaseAdded : UnionCaseAdded, after.Name, $"may hold {added.Type} (Is{added.Name}, TryGet{added.Name})");
        }

        foreach (var (o, n) in cases.Matched.Where(static p => p.Old.Name != p.New.Name))
        {
            Add(UnionCaseRenamed, after.Name, $"the {n.Type} case's members Is{o.Name}/TryGet{o.Name} -> Is{n.Name}/TryGet{n.Name}");
        }
    }

    // ---- Operations ----

    private void CompareClient()
    {
        if (_old.BaseAddress != _new.BaseAddress)
        {
            Add(BaseAddressChanged, _new.ClientName, $"default base address {_old.BaseAddress ?? "none"} -> {_new.BaseAddress ?? "none"}");
        }

        var options = _new.OptionsName;
        var credentials = Pair(_old.Credentials, _new.Credentials, static c => c.Scheme, static c => string.Join(",", c.Options));
        foreach (var removed in credentials.OnlyOld)
        {
            Add(CredentialRemoved, $"{options}.{string.Join("/", removed.Options)}", $"removed (scheme '{removed.Scheme}', {removed.Wire})");
        }

        foreach (var added in credentials.OnlyNew)
        {
            Add(CredentialAdded, $"{options}.{string.Join("/", added.Options)}", $"new credential (scheme '{added.Scheme}', {added.Wire})");
        }

        foreach (var (o, n) in credentials.Matched)
        {
            if (!o.Options.SequenceEqual(n.Options))
            {
                Add(CredentialRenamed, $"{options}.{string.Join("/", o.Options)}", $"renamed {string.Join("/", n.Options)}");
            }

            if (o.Wire != n.Wire)
            {
                Add(CredentialWireChanged, $"{options}.{string.Join("/", n.Options)}", $"sent as {o.Wire} -> {n.Wire}");
            }
        }
    }

    private void CompareOperations()
    {
        var client = _new.ClientName;
        var operations = Pair(_old.Operations, _new.Operations, static o => o.Shape, static o => o.Name);
        foreach (var removed in operations.OnlyOld)
        {
            Add(OperationRemoved, $"{client}.{removed.Name}", $"removed ({removed.Route})");
        }

        foreach (var added in operations.OnlyNew)
        {
            Add(OperationAdded, $"{client}.{added.Name}", $"new method ({added.Route}); I{client} gains it too");
        }

        foreach (var (before, after) in operations.Matched)
        {
            CompareOperation(client, before, after);
        }
    }

    private void CompareOperation(string client, SurfaceOperation before, SurfaceOperation after)
    {
        var method = $"{client}.{after.Name}";
        if (before.Name != after.Name)
        {
            Add(OperationRenamed, $"{client}.{before.Name}", $"renamed {after.Name} ({after.Route})");
        }
        else if (before.Shape != after.Shape)
        {
            Add(OperationMoved, method, $"sends {before.Route} -> {after.Route}");
        }

        if (!before.Security.Order(StringComparer.Ordinal).SequenceEqual(after.Security.Order(StringComparer.Ordinal)))
        {
            Add(OperationSecurityChanged, method, $"sends credentials [{string.Join(", ", before.Security)}] -> [{string.Join(", ", after.Security)}]");
        }

        CompareDocs(method, before.Docs, after.Docs);
        CompareParameters(method, before, after);
        CompareBody(method, before.Body, after.Body);
        CompareResult(method, before.Result, after.Result);
        CompareErrors(method, before, after);
    }

    private void CompareParameters(string method, SurfaceOperation before, SurfaceOperation after)
    {
        // A path parameter spelled another way ({id} -> {petId}) is still the one in that place of the path.
        var parameters = Pair(
            before.Parameters,
            after.Parameters,
            static p => p.Location + " " + p.WireName,
            static p => p.Name,
            p => p.Location == "path" ? "path #" + PathPlace(before.Parameters, after.Parameters, p) : "\0" + p.Name);
        foreach (var removed in parameters.OnlyOld)
        {
            Add(ParameterRemoved, $"{method}({removed.Name})", $"removed ({removed.Location} '{removed.WireName}')");
        }

        foreach (var added in parameters.OnlyNew)
        {
            Add(added.IsRequired ? ParameterAddedRequired : ParameterAddedOptional, $"{method}({added.Name})", $"new {(added.IsRequired ? "required" : "optional")} {added.Type} ({added.Location} '{added.WireName}')");
        }

        foreach (var (o, n) in parameters.Matched)
        {
            var subject = $"{method}({n.Name})";
            if (o.Name != n.Name)
            {
                Add(ParameterRenamed, $"{method}({o.Name})", $"renamed {n.Name}");
            }

            // A path parameter's name is not on the wire: its place in the path is.
            var samePlace = o.Location == "path" && n.Location == "path" && o.Style == n.Style;
            if (!samePlace && (o.WireName != n.WireName || o.Location != n.Location || o.Style != n.Style))
            {
                Add(ParameterWireChanged, subject, $"sent as {o.Location} '{o.WireName}' ({o.Style}) -> {n.Location} '{n.WireName}' ({n.Style})");
            }

            // A parameter that became required (or optional) is no longer (or now) nullable: one change, said once.
            var oldType = Renamed(o.Type);
            var requiredChanged = o.IsRequired != n.IsRequired;
            var onlyNullability = oldType != n.Type && oldType.NotNull == n.Type.NotNull;
            if (oldType != n.Type && !(requiredChanged && onlyNullability))
            {
                var (rule, why) = TypeChange(Usage.Request, oldType, n.Type, ParameterTypeWidened, ParameterTypeWidened, ParameterTypeChanged);
                Add(rule, subject, $"type {o.Type} -> {n.Type}{why}");
            }

            if (requiredChanged)
            {
                var now = onlyNullability ? $" ({o.Type} -> {n.Type})" : string.Empty;
                Add(n.IsRequired ? ParameterBecameRequired : ParameterBecameOptional, subject, (n.IsRequired ? "optional -> required" : "required -> optional, default null") + now);
            }

            CompareDocs(subject, o.Docs, n.Docs);
        }

        // The order of the parameters both versions have: a change moves positional arguments to other parameters.
        var oldOrder = parameters.Matched.OrderBy(p => IndexOf(before.Parameters, p.Old)).Select(static p => p.New.Name).ToList();
        var newOrder = parameters.Matched.OrderBy(p => IndexOf(after.Parameters, p.New)).Select(static p => p.New.Name).ToList();
        if (!oldOrder.SequenceEqual(newOrder))
        {
            Add(ParametersReordered, method, $"({string.Join(", ", oldOrder)}) -> ({string.Join(", ", newOrder)})");
        }
    }

    private void CompareBody(string method, SurfaceBody? before, SurfaceBody? after)
    {
        var subject = $"{method}(body)";
        switch ((before, after))
        {
            case (null, null):
                return;
            case (null, { } added):
                Add(added.IsRequired ? BodyAddedRequired : BodyAddedOptional, subject, $"new {(added.IsRequired ? "required" : "optional")} {added.Type} ({added.MediaType})");
                return;
            case ({ } removed, null):
                Add(BodyRemoved, subject, $"removed (was {removed.Type}, {removed.MediaType})");
                return;
        }

        var oldType = Renamed(before!.Type);
        if (oldType != after!.Type)
        {
            var (rule, why) = TypeChange(Usage.Request, oldType, after.Type, BodyTypeWidened, BodyTypeWidened, BodyTypeChanged);
            Add(rule, subject, $"type {before.Type} -> {after.Type}{why}");
        }
        else if (before.MediaType != after.MediaType || before.Kind != after.Kind)
        {
            Add(BodyMediaTypeChanged, subject, $"sent as {before.MediaType} -> {after.MediaType}");
        }

        if (before.IsRequired != after.IsRequired)
        {
            Add(after.IsRequired ? BodyBecameRequired : BodyBecameOptional, subject, after.IsRequired ? "optional -> required" : "required -> optional");
        }

        CompareDocs(subject, before.Docs, after.Docs);
    }

    private void CompareResult(string method, CsType? before, CsType? after)
    {
        var subject = $"{method} result";
        switch ((before, after))
        {
            case (null, null):
                return;
            case (null, { } added):
                Add(SuccessBodyAdded, subject, $"Task -> Task<{added}>");
                return;
            case ({ } removed, null):
                Add(SuccessBodyRemoved, subject, $"Task<{removed}> -> Task");
                return;
        }

        var oldType = Renamed(before!);
        if (oldType != after!)
        {
            var (rule, why) = TypeChange(Usage.Response, oldType, after, SuccessBodyNarrowed, SuccessBodyNarrowed, SuccessBodyChanged);
            Add(rule, subject, $"Task<{before}> -> Task<{after}>{why}");
        }
    }

    private void CompareErrors(string method, SurfaceOperation before, SurfaceOperation after)
    {
        var errors = Pair(before.Errors, after.Errors, static e => e.Status, static e => e.Status);
        foreach (var removed in errors.OnlyOld.Where(static e => e.Body is not null))
        {
            Add(ErrorResponseRemoved, method, $"{removed.Status}: no longer ApiException<{removed.Body}>, a plain ApiException");
        }

        foreach (var added in errors.OnlyNew.Where(static e => e.Body is not null))
        {
            Add(ErrorResponseAdded, method, $"{added.Status}: now ApiException<{added.Body}>");
        }

        foreach (var (o, n) in errors.Matched)
        {
            var oldBody = o.Body is null ? null : Renamed(o.Body);
            if (oldBody != n.Body)
            {
                var rule = (oldBody, n.Body) switch
                {
                    (null, _) => ErrorResponseAdded,
                    (_, null) => ErrorResponseRemoved,
                    _ => ErrorBodyChanged,
                };
                Add(rule, method, $"{n.Status}: {Exception(o.Body)} -> {Exception(n.Body)}");
            }
        }

        static string Exception(CsType? body) => body is null ? "ApiException" : $"ApiException<{body}>";
    }

    // ---- Values ----

    /// <summary>
    /// How a type change of a value users write (<see cref="Usage.Request"/>), read (<see cref="Usage.Response"/>) or
    /// both is classified: what users write may widen (every old value still converts), what they read may narrow
    /// (code that reads the old type still compiles); anything else breaks.
    /// </summary>
    private (ChangeRule Rule, string Why) TypeChange(Usage usage, CsType before, CsType after, ChangeRule widened, ChangeRule narrowed, ChangeRule changed)
        => usage switch
        {
            Usage.Request when Assignable(before, after) => (widened, " (every old value still converts)"),
            Usage.Response when StillReads(before, after) => (narrowed, " (code that reads the old type still compiles)"),
            Usage.Request when before.IsNullable && !after.IsNullable && before.NotNull == after.NotNull => (changed, " (no longer takes null)"),
            Usage.Request => (changed, Assignable(after, before) ? " (narrowed: some old values no longer convert)" : " (old values no longer convert)"),
            Usage.Response => (changed, before.NotNull == after.NotNull && after.IsNullable ? " (may now be null)" : " (code that reads the old type no longer compiles)"),
            _ => (changed, " (users both send and read it)"),
        };

    /// <summary>
    /// A value users wrote as <paramref name="before"/> still assigns to <paramref name="after"/>: the same type, a
    /// wider number, into a nullable, a string into an extensible enum, or a case into its union (generated enums and
    /// unions convert implicitly).
    /// </summary>
    private bool Assignable(CsType before, CsType after)
    {
        if (before.IsNullable && !after.IsNullable)
        {
            return false;
        }

        var (f, t) = (before.NotNull, after.NotNull);
        return f == t
            || IsWiderNumber(f.Kind, t.Kind)
            || (f.Kind == CsKind.String && t.Kind == CsKind.Enum)
            || (t.Kind == CsKind.Union && _new.Type(t.Name) is UnionSurface union && union.Cases.Any(c => c.Type.NotNull == f));
    }

    /// <summary>
    /// Code that read a <paramref name="before"/> still compiles against <paramref name="after"/>, members used
    /// included: only a narrower number (which widens back implicitly), or a reference type that is no longer
    /// nullable. A value type losing its <c>?</c> loses <c>HasValue</c> and <c>Value</c>; a union that became one of its
    /// cases loses <c>Match</c> and <c>TryGet...</c>, so neither counts.
    /// </summary>
    private static bool StillReads(CsType before, CsType after)
    {
        if (after.IsNullable && !before.IsNullable)
        {
            return false;
        }

        var (f, t) = (after.NotNull, before.NotNull);
        if (f == t)
        {
            return before.IsNullable == after.IsNullable || !IsValueType(f.Kind);
        }

        return before.IsNullable == after.IsNullable && IsWiderNumber(f.Kind, t.Kind);
    }

    private static bool IsValueType(CsKind kind) => kind is not (CsKind.String or CsKind.Uri or CsKind.Bytes or CsKind.Stream or CsKind.Object or CsKind.Union or CsKind.List or CsKind.Map);

    private static bool IsWiderNumber(CsKind from, CsKind to) => (from, to) switch
    {
        (CsKind.Int32, CsKind.Int64 or CsKind.Single or CsKind.Double or CsKind.Decimal) => true,
        (CsKind.Int64, CsKind.Single or CsKind.Double or CsKind.Decimal) => true,
        (CsKind.Single, CsKind.Double) => true,
        _ => false,
    };

    private void CompareConstraints(string subject, Usage usage, SurfaceConstraints before, SurfaceConstraints after, string what)
    {
        if (before == after)
        {
            return;
        }

        var tighter = new List<string>();
        var looser = new List<string>();
        Bound($"{what}minimum length", before.MinLength, after.MinLength, stricterWhenGreater: true);
        Bound($"{what}maximum length", before.MaxLength, after.MaxLength, stricterWhenGreater: false);
        Bound($"{what}minimum item count", before.MinItems, after.MinItems, stricterWhenGreater: true);
        Bound($"{what}maximum item count", before.MaxItems, after.MaxItems, stricterWhenGreater: false);
        Number($"{what}minimum", before.Minimum, before.ExclusiveMinimum, after.Minimum, after.ExclusiveMinimum, stricterWhenGreater: true);
        Number($"{what}maximum", before.Maximum, before.ExclusiveMaximum, after.Maximum, after.ExclusiveMaximum, stricterWhenGreater: false);
        if (before.Pattern != after.Pattern)
        {
            (after.Pattern is null ? looser : tighter).Add($"{what}pattern {Show(before.Pattern)} -> {Show(after.Pattern)}" + (before.Pattern is not null && after.Pattern is not null ? " (not provably looser)" : string.Empty));
        }

        if (before.UniqueItems != after.UniqueItems)
        {
            (after.UniqueItems ? tighter : looser).Add(after.UniqueItems ? $"{what}items must now be unique" : $"{what}items need no longer be unique");
        }

        if (!usage.HasFlag(Usage.Request))
        {
            Add(ResponseConstraintChanged, subject, string.Join("; ", tighter.Concat(looser)));
            return;
        }

        if (tighter.Count > 0)
        {
            Add(RequestConstraintTightened, subject, string.Join("; ", tighter));
        }

        if (looser.Count > 0)
        {
            Add(RequestConstraintLoosened, subject, string.Join("; ", looser));
        }

        void Bound(string name, int? old, int? @new, bool stricterWhenGreater)
        {
            if (old == @new)
            {
                return;
            }

            var stricter = old is null || (@new is not null && (stricterWhenGreater ? @new > old : @new < old));
            (stricter ? tighter : looser).Add($"{name} {Show(old?.ToString(CultureInfo.InvariantCulture))} -> {Show(@new?.ToString(CultureInfo.InvariantCulture))}");
        }

        void Number(string name, string? old, bool oldExclusive, string? @new, bool newExclusive, bool stricterWhenGreater)
        {
            if (old == @new && oldExclusive == newExclusive)
            {
                return;
            }

            bool stricter;
            if (old is null || @new is null)
            {
                stricter = old is null;
            }
            else if (decimal.TryParse(old, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && decimal.TryParse(@new, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
            {
                stricter = a == b ? newExclusive && !oldExclusive : stricterWhenGreater ? b > a : b < a;
            }
            else
            {
                stricter = true;
            }

            (stricter ? tighter : looser).Add($"{name} {Show(old, oldExclusive)} -> {Show(@new, newExclusive)}");
        }

        static string Show(string? value, bool exclusive = false) => value is null ? "none" : exclusive ? value + " (exclusive)" : value;
    }

    private void CompareDocs(string subject, SurfaceDocs before, SurfaceDocs after, bool skipDefault = false)
    {
        if (before.Deprecated != after.Deprecated)
        {
            Add(Deprecated, subject, after.Deprecated ? "now deprecated" : "no longer deprecated");
        }

        var changed = new List<string>();
        if (before.Summary != after.Summary)
        {
            changed.Add("summary");
        }

        if (before.Description != after.Description)
        {
            changed.Add("description");
        }

        if (before.Example != after.Example)
        {
            changed.Add("example");
        }

        if (before.Default != after.Default && !skipDefault)
        {
            changed.Add("documented default");
        }

        if (changed.Count > 0)
        {
            Add(DocsChanged, subject, string.Join(", ", changed) + " changed");
        }
    }

    // ---- Helpers ----

    private Usage UsageOf(string oldName, string newName)
        => _oldUsage.GetValueOrDefault(oldName, Usage.Both) | _newUsage.GetValueOrDefault(newName, Usage.Both);

    private string? Renamed(string? name) => name is not null && _renamed.TryGetValue(name, out var renamed) ? renamed : name;

    /// <summary>An old version's type written with the new version's names for renamed types.</summary>
    private CsType Renamed(CsType type) => type with
    {
        Name = Renamed(type.Name),
        Element = type.Element is { } element ? Renamed(element) : null,
    };

    /// <summary>Which path parameter, counting from 0, <paramref name="parameter"/> is in its own list.</summary>
    private static int PathPlace(IReadOnlyList<SurfaceParameter> before, IReadOnlyList<SurfaceParameter> after, SurfaceParameter parameter)
    {
        var list = before.Contains(parameter) ? before : after;
        return list.Where(static p => p.Location == "path").ToList().IndexOf(parameter);
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, T item)
        where T : class
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], item))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Article(string kind) => (kind[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + kind;

    private void Add(ChangeRule rule, string subject, string detail) => _changes.Add(new Change(rule, subject, detail));

    /// <summary>Pairs two lists by a first key, then what is left by the next: what each side alone has, and the pairs.</summary>
    private static Pairing<T> Pair<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, params Func<T, string>[] keys)
    {
        var matched = new List<(T Old, T New)>();
        var left = before.ToList();
        var right = after.ToList();
        foreach (var key in keys)
        {
            foreach (var item in left.ToList())
            {
                var index = right.FindIndex(r => key(r) == key(item));
                if (index >= 0)
                {
                    matched.Add((item, right[index]));
                    left.Remove(item);
                    right.RemoveAt(index);
                }
            }
        }

        return new Pairing<T>(matched, left, right);
    }

    private sealed record Pairing<T>(List<(T Old, T New)> Matched, List<T> OnlyOld, List<T> OnlyNew);
}
