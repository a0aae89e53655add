using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;

namespace OpenApiGen.Reading;

internal enum OverlayProblemKind
{
    /// <summary>The overlay document itself is malformed (fields missing or of the wrong type, impossible actions).</summary>
    InvalidOverlay,

    /// <summary>A target is not a usable JSONPath expression.</summary>
    InvalidTarget,

    /// <summary>A target is valid but selects nothing in the spec; usually the spec changed under the overlay.</summary>
    TargetNotFound,
}

/// <summary>A problem with an overlay, located in the overlay's own text.</summary>
internal sealed record OverlayProblem(OverlayProblemKind Kind, string Message, SourceSpan Span);

/// <summary>
/// Applies an OpenAPI Overlay 1.0.x document to a spec tree, in place, before anything else reads the spec.
/// </summary>
/// <remarks>
/// Each action is checked completely before it changes anything, so an action with a problem leaves the spec as
/// it was and the next actions still see a predictable document.
/// </remarks>
internal static class OverlayApplier
{
    /// <summary>Never throws for a bad overlay; only cancellation escapes.</summary>
    public static ImmutableArray<OverlayProblem> Apply(JsonNode spec, JsonNode overlay, SourceMap overlayMap, CancellationToken ct)
    {
        var problems = ImmutableArray.CreateBuilder<OverlayProblem>();
        var context = new Context(overlayMap, problems);
        if (overlay is not JsonObject document)
        {
            context.Report(OverlayProblemKind.InvalidOverlay, "an overlay document must be a JSON object or YAML mapping", string.Empty);
            return problems.ToImmutable();
        }

        CheckHeader(document, context);
        if (!document.TryGetPropertyValue("actions", out var actionsNode))
        {
            context.ReportAtStart(OverlayProblemKind.InvalidOverlay, "the overlay has no 'actions' list");
            return problems.ToImmutable();
        }

        if (actionsNode is not JsonArray actions)
        {
            context.Report(OverlayProblemKind.InvalidOverlay, "'actions' must be a list of actions", "/actions");
            return problems.ToImmutable();
        }

        if (actions.Count == 0)
        {
            context.Report(OverlayProblemKind.InvalidOverlay, "'actions' must contain at least one action", "/actions");
        }

        // Snapshot: an action never edits the overlay, but iterating a copy keeps that an assumption-free fact.
        var snapshot = new List<JsonNode?>(actions);
        for (var i = 0; i < snapshot.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            ApplyAction(spec, snapshot[i], "/actions/" + i.ToString(CultureInfo.InvariantCulture), context, ct);
        }

        return problems.ToImmutable();
    }

    private static void CheckHeader(JsonObject document, Context context)
    {
        if (!document.TryGetPropertyValue("overlay", out var version))
        {
            context.ReportAtStart(OverlayProblemKind.InvalidOverlay, "the 'overlay' field is missing; an overlay document starts with overlay: 1.0.0");
        }
        else if (!IsSupportedVersion(version))
        {
            context.Report(
                OverlayProblemKind.InvalidOverlay,
                "unsupported overlay version " + Describe(version) + "; only 1.0.x is supported (write it as a string, e.g. 1.0.0)",
                "/overlay");
        }

        if (!document.TryGetPropertyValue("info", out var info))
        {
            context.ReportAtStart(OverlayProblemKind.InvalidOverlay, "the 'info' object (with 'title' and 'version') is missing");
        }
        else if (info is not JsonObject infoObject)
        {
            context.Report(OverlayProblemKind.InvalidOverlay, "'info' must be an object with 'title' and 'version'", "/info");
        }
        else
        {
            // A YAML author who writes "version: 1" means the string; only a missing or structured value is wrong.
            foreach (var field in new[] { "title", "version" })
            {
                if (!(infoObject.TryGetPropertyValue(field, out var value) && value is JsonValue))
                {
                    context.Report(OverlayProblemKind.InvalidOverlay, "'info' needs a '" + field + "'", "/info");
                }
            }
        }
    }

    private static bool IsSupportedVersion(JsonNode? version)
    {
        if (version is not JsonValue value || !value.TryGetValue<string>(out var text) || !text.StartsWith("1.0.", StringComparison.Ordinal) || text.Length == 4)
        {
            return false;
        }

        for (var i = 4; i < text.Length; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static void ApplyAction(JsonNode spec, JsonNode? actionNode, string pointer, Context context, CancellationToken ct)
    {
        if (actionNode is not JsonObject action)
        {
            context.Report(OverlayProblemKind.InvalidOverlay, "an action must be an object with 'target' and 'update' or 'remove'", pointer);
            return;
        }

        var targetPointer = pointer + "/target";
        if (!action.TryGetPropertyValue("target", out var targetNode))
        {
            context.Report(OverlayProblemKind.InvalidOverlay, "the action has no 'target'", pointer);
            return;
        }

        if (!IsString(action, "target", out var target))
        {
            context.Report(OverlayProblemKind.InvalidOverlay, "'target' must be a JSONPath string, not " + Describe(targetNode), targetPointer);
            return;
        }

        var remove = false;
        if (action.TryGetPropertyValue("remove", out var removeNode))
        {
            if (removeNode is not JsonValue removeValue || !removeValue.TryGetValue(out remove))
            {
                context.Report(OverlayProblemKind.InvalidOverlay, "'remove' must be true or false", pointer + "/remove");
                return;
            }
        }

        var hasUpdate = action.TryGetPropertyValue("update", out var update);
        if (hasUpdate && remove)
        {
            context.ReportKey(OverlayProblemKind.InvalidOverlay, "an action cannot both 'update' and 'remove'; split it into two actions", pointer + "/remove");
            return;
        }

        if (!hasUpdate && !remove)
        {
            context.ReportKey(OverlayProblemKind.InvalidOverlay, "the action does nothing: it needs 'update' or 'remove: true'", targetPointer);
            return;
        }

        var result = JsonPath.Evaluate(spec, target, ct);
        if (!result.Succeeded)
        {
            var span = NarrowToCharacter(context.Map.Nearest(targetPointer), target, result.ErrorPosition);
            context.Problems.Add(new OverlayProblem(
                OverlayProblemKind.InvalidTarget,
                "invalid JSONPath target '" + target + "': " + result.Error + " (at character " + (result.ErrorPosition + 1).ToString(CultureInfo.InvariantCulture) + ")",
                span));
            return;
        }

        if (result.Matches.IsEmpty)
        {
            context.Report(OverlayProblemKind.TargetNotFound, "target '" + target + "' matched nothing in the document", targetPointer);
            return;
        }

        if (remove)
        {
            Remove(result.Matches, target, targetPointer, context);
        }
        else
        {
            Update(result.Matches, update, target, pointer, context);
        }
    }

    private static void Remove(ImmutableArray<JsonPathMatch> matches, string target, string targetPointer, Context context)
    {
        foreach (var match in matches)
        {
            if (match.Parent is null)
            {
                context.Report(OverlayProblemKind.InvalidTarget, "target '" + target + "' selects the document root, which cannot be removed", targetPointer);
                return;
            }
        }

        // Removing from an array shifts later indices, so each array loses its items from the back.
        var fromArrays = new Dictionary<JsonArray, SortedSet<int>>();
        foreach (var match in matches)
        {
            if (match.Parent is JsonObject obj)
            {
                obj.Remove(match.Key!);
            }
            else if (match.Parent is JsonArray array)
            {
                if (!fromArrays.TryGetValue(array, out var indices))
                {
                    fromArrays.Add(array, indices = new SortedSet<int>());
                }

                indices.Add(match.Index);
            }
        }

        foreach (var pair in fromArrays)
        {
            foreach (var index in pair.Value.Reverse())
            {
                pair.Key.RemoveAt(index);
            }
        }
    }

    private static void Update(ImmutableArray<JsonPathMatch> matches, JsonNode? update, string target, string pointer, Context context)
    {
        foreach (var match in matches)
        {
            if (match.Node is JsonObject)
            {
                if (update is not JsonObject)
                {
                    context.Report(
                        OverlayProblemKind.InvalidOverlay,
                        "target '" + target + "' selects an object (" + Display(match) + "), so 'update' must be an object to merge into it, not " + Describe(update),
                        pointer + "/update");
                    return;
                }
            }
            else if (match.Node is not JsonArray)
            {
                context.Report(
                    OverlayProblemKind.InvalidOverlay,
                    "target '" + target + "' selects " + Describe(match.Node) + " at " + Display(match) + "; Overlay 1.0 can only update objects (merge) and arrays (append) - target the object that holds it instead",
                    pointer + "/target");
                return;
            }
        }

        // A union can select the same node twice; appending or merging twice would not be what anyone meant.
        var done = new HashSet<JsonNode>();
        foreach (var match in matches)
        {
            if (!done.Add(match.Node!))
            {
                continue;
            }

            if (match.Node is JsonObject targetObject)
            {
                Merge(targetObject, (JsonObject)update!);
            }
            else
            {
                ((JsonArray)match.Node!).Add(update?.DeepClone());
            }
        }
    }

    /// <summary>
    /// Overlay merge: objects merge member by member, anything else (arrays included) replaces the old value.
    /// Values are copied because a node can only have one parent.
    /// </summary>
    private static void Merge(JsonObject target, JsonObject update)
    {
        foreach (var property in update)
        {
            if (property.Value is JsonObject nested && target.TryGetPropertyValue(property.Key, out var existing) && existing is JsonObject existingObject)
            {
                Merge(existingObject, nested);
            }
            else
            {
                target[property.Key] = property.Value?.DeepClone();
            }
        }
    }

    /// <summary>
    /// Points at the offending character when the target is written on one line without escapes, so that the
    /// text between the quotes is exactly the expression.
    /// </summary>
    private static SourceSpan NarrowToCharacter(SourceSpan span, string expression, int position)
    {
        if (position < 0 || span.StartLine != span.EndLine)
        {
            return span;
        }

        int quote;
        if (span.Length == expression.Length)
        {
            quote = 0;
        }
        else if (span.Length == expression.Length + 2)
        {
            quote = 1;
        }
        else
        {
            return span;
        }

        var offset = quote + Math.Min(position, expression.Length);
        var length = position < expression.Length ? 1 : 0;
        return new SourceSpan(span.Start + offset, length, span.StartLine, span.StartColumn + offset, span.StartLine, span.StartColumn + offset + length);
    }

    private static bool IsString(JsonObject obj, string name, out string value)
    {
        value = string.Empty;
        return obj.TryGetPropertyValue(name, out var node) && node is JsonValue jsonValue && jsonValue.TryGetValue(out value!);
    }

    private static string Display(JsonPathMatch match) => match.Pointer.Length == 0 ? "the root" : match.Pointer;

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue value when value.TryGetValue<string>(out var text) => "the string '" + text + "'",
        _ => "the value " + node.ToJsonString(),
    };

    private sealed class Context
    {
        public Context(SourceMap map, ImmutableArray<OverlayProblem>.Builder problems)
        {
            Map = map;
            Problems = problems;
        }

        public SourceMap Map { get; }

        public ImmutableArray<OverlayProblem>.Builder Problems { get; }

        public void Report(OverlayProblemKind kind, string message, string pointer) =>
            Problems.Add(new OverlayProblem(kind, message, Map.Nearest(pointer)));

        /// <summary>Prefers the property name: the value may be a large block.</summary>
        public void ReportKey(OverlayProblemKind kind, string message, string pointer) =>
            Problems.Add(new OverlayProblem(kind, message, Map.TryGetKeySpan(pointer, out var key) ? key : Map.Nearest(pointer)));

        /// <summary>For something missing from the whole document: the start of it, not all of it.</summary>
        public void ReportAtStart(OverlayProblemKind kind, string message)
        {
            var root = Map.Nearest(string.Empty);
            Problems.Add(new OverlayProblem(kind, message, new SourceSpan(root.Start, 0, root.StartLine, root.StartColumn, root.StartLine, root.StartColumn)));
        }
    }
}
