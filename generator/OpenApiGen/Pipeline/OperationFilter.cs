using System;
using System.Collections.Generic;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;

namespace OpenApiGen.Pipeline;

/// <summary>What a filter selector looks at in an operation.</summary>
internal enum SelectorKind
{
    /// <summary>One of the operation's <c>tags</c>.</summary>
    Tag,

    /// <summary>The key of its path item under <c>paths</c>, as written (<c>/pets/{petId}</c>).</summary>
    Path,

    /// <summary>Its <c>operationId</c>.</summary>
    Operation,
}

/// <summary>
/// One <c>kind:pattern</c> of a filter. The pattern is matched ordinally against the whole value; <c>*</c> is any run
/// of characters but <c>/</c>, <c>**</c> any run at all, and a trailing <c>/**</c> also matches the path without it.
/// </summary>
/// <param name="Kind">What it looks at.</param>
/// <param name="Pattern">The pattern, as written after the colon.</param>
/// <param name="Text">The selector as written, for diagnostics.</param>
/// <param name="Setting">The setting it came from (<c>IncludeOperations</c> or <c>ExcludeOperations</c>), for diagnostics.</param>
internal sealed record FilterSelector(SelectorKind Kind, string Pattern, string Text, string Setting);

/// <summary>
/// Which operations of a spec to generate: those that match any of <see cref="Include"/> (every operation when it is
/// empty) and none of <see cref="Exclude"/>. A value of the pipeline, so it compares by content.
/// </summary>
/// <param name="Include">The selectors of <c>IncludeOperations</c>.</param>
/// <param name="Exclude">The selectors of <c>ExcludeOperations</c>.</param>
internal sealed record OperationFilter(EquatableArray<FilterSelector> Include, EquatableArray<FilterSelector> Exclude)
{
    public const string IncludeSetting = "IncludeOperations";
    public const string ExcludeSetting = "ExcludeOperations";

    public static readonly OperationFilter None = new(EquatableArray<FilterSelector>.Empty, EquatableArray<FilterSelector>.Empty);

    /// <summary>Whether anything is filtered: with no selector the spec is generated whole, components included.</summary>
    public bool IsActive => !Include.IsEmpty || !Exclude.IsEmpty;

    /// <summary>
    /// Parses the two settings: selectors separated by <c>;</c>, each <c>tag:</c>, <c>path:</c> or <c>operation:</c>
    /// and a pattern. A malformed selector is reported (OAG031, at the spec) and left out.
    /// </summary>
    public static OperationFilter Parse(string? include, string? exclude, string specPath, List<DiagnosticInfo> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(include) && string.IsNullOrWhiteSpace(exclude))
        {
            return None;
        }

        return new OperationFilter(
            Selectors(include, IncludeSetting, specPath, diagnostics),
            Selectors(exclude, ExcludeSetting, specPath, diagnostics));
    }

    private static EquatableArray<FilterSelector> Selectors(string? value, string setting, string specPath, List<DiagnosticInfo> diagnostics)
    {
        if (value is null)
        {
            return EquatableArray<FilterSelector>.Empty;
        }

        var selectors = new List<FilterSelector>();
        foreach (var part in value.Split(';'))
        {
            var text = part.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var colon = text.IndexOf(':');
            SelectorKind? kind = colon < 0 ? null : text.Substring(0, colon).Trim() switch
            {
                "tag" => SelectorKind.Tag,
                "path" => SelectorKind.Path,
                "operation" => SelectorKind.Operation,
                _ => null,
            };
            var pattern = colon < 0 ? string.Empty : text.Substring(colon + 1).Trim();
            if (kind is null || pattern.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.AtFileStart(Descriptors.MalformedFilter, specPath, text, setting));
                continue;
            }

            var selector = new FilterSelector(kind.Value, pattern, text, setting);
            if (!selectors.Contains(selector))
            {
                selectors.Add(selector);
            }
        }

        return selectors.ToEquatableArray();
    }
}
