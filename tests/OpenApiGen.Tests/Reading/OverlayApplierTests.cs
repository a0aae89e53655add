using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using OpenApiGen.Reading;
using Xunit;

namespace OpenApiGen.Tests.Reading;

public class OverlayApplierTests
{
    private const string Header = "overlay: 1.0.0\ninfo:\n  title: Fixes\n  version: 1.0.0\n";

    private const string SpecJson = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Tasks", "version": "1", "contact": { "name": "Ann", "email": "ann@example.com" }, "x-tags": ["a", "b"] },
          "paths": {
            "/v1/tasks": {
              "get": {
                "description": "list",
                "parameters": [ {"name": "limit", "in": "query"}, {"name": "x", "in": "header"}, {"name": "page", "in": "query"}, {"name": "x", "in": "cookie"} ],
                "responses": { "200": { "description": "ok" } }
              }
            },
            "/v1/tasks/{id}": { "get": { "description": "one", "responses": { "404": { "description": "missing" } } } }
          }
        }
        """;

    private static JsonNode Spec() => DocumentLoader.Load(SpecJson, isJson: true, CancellationToken.None).Root!;

    private static (ImmutableArray<OverlayProblem> Problems, string Text) Apply(JsonNode spec, string overlayYaml)
    {
        var overlay = DocumentLoader.Load(overlayYaml, isJson: false, CancellationToken.None);
        Assert.Empty(overlay.Errors);
        return (OverlayApplier.Apply(spec, overlay.Root!, overlay.Map, CancellationToken.None), overlayYaml);
    }

    private static string TextOf(string text, SourceSpan span) => text.Substring(span.Start, span.Length);

    // ---- update ----

    [Fact]
    public void Update_merges_objects_deeply_and_replaces_arrays_and_scalars()
    {
        var spec = Spec();
        var (problems, _) = Apply(spec, Header + """
            actions:
              - target: $.info
                update:
                  title: Better tasks
                  contact:
                    email: team@example.com
                  x-tags: [c]
                  x-new: {deep: true}
            """);

        Assert.Empty(problems);
        var info = spec["info"]!;
        Assert.Equal("Better tasks", info["title"]!.GetValue<string>());
        Assert.Equal("1", info["version"]!.GetValue<string>());
        Assert.Equal("Ann", info["contact"]!["name"]!.GetValue<string>());
        Assert.Equal("team@example.com", info["contact"]!["email"]!.GetValue<string>());
        Assert.Equal("[\"c\"]", info["x-tags"]!.ToJsonString());
        Assert.True(info["x-new"]!["deep"]!.GetValue<bool>());
        Assert.Equal(new[] { "title", "version", "contact", "x-tags", "x-new" }, info.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Update_of_an_array_appends_the_value_as_one_item()
    {
        var spec = Spec();
        var (problems, _) = Apply(spec, Header + """
            actions:
              - target: $.paths['/v1/tasks'].get.parameters
                update: {name: sort, in: query}
              - target: $.info['x-tags']
                update: [z1, z2]
            """);

        Assert.Empty(problems);
        var parameters = spec["paths"]!["/v1/tasks"]!["get"]!["parameters"]!.AsArray();
        Assert.Equal(5, parameters.Count);
        Assert.Equal("sort", parameters[4]!["name"]!.GetValue<string>());
        Assert.Equal("[\"a\",\"b\",[\"z1\",\"z2\"]]", spec["info"]!["x-tags"]!.ToJsonString());
    }

    [Fact]
    public void Update_values_are_copied_for_each_target()
    {
        var spec = Spec();
        var overlay = DocumentLoader.Load(Header + """
            actions:
              - target: $.paths.*.get
                update:
                  x-meta: {owner: core}
            """, isJson: false, CancellationToken.None);

        var problems = OverlayApplier.Apply(spec, overlay.Root!, overlay.Map, CancellationToken.None);

        Assert.Empty(problems);
        var first = spec["paths"]!["/v1/tasks"]!["get"]!["x-meta"]!;
        var second = spec["paths"]!["/v1/tasks/{id}"]!["get"]!["x-meta"]!;
        Assert.NotSame(first, second);
        first["owner"] = "changed";
        Assert.Equal("core", second["owner"]!.GetValue<string>());
        Assert.Equal("core", overlay.Root!["actions"]![0]!["update"]!["x-meta"]!["owner"]!.GetValue<string>());
    }

    [Fact]
    public void Actions_apply_in_order_so_later_actions_see_earlier_changes()
    {
        var spec = Spec();
        var (problems, _) = Apply(spec, Header + """
            actions:
              - target: $.paths['/v1/tasks'].get
                update:
                  x-added: {value: 1}
              - target: $.paths['/v1/tasks'].get['x-added']
                update: {more: 2}
              - target: $.paths['/v1/tasks'].get['x-added'].value
                remove: true
            """);

        Assert.Empty(problems);
        Assert.Equal("{\"more\":2}", spec["paths"]!["/v1/tasks"]!["get"]!["x-added"]!.ToJsonString());
    }

    [Fact]
    public void Union_selecting_the_same_array_twice_appends_once()
    {
        var spec = Spec();
        var (problems, _) = Apply(spec, Header + """
            actions:
              - target: $.info['x-tags','x-tags']
                update: c
            """);

        Assert.Empty(problems);
        Assert.Equal("[\"a\",\"b\",\"c\"]", spec["info"]!["x-tags"]!.ToJsonString());
    }

    // ---- remove ----

    [Fact]
    public void Remove_takes_every_match_out_of_its_parent_including_several_items_of_one_array()
    {
        var spec = Spec();
        var (problems, _) = Apply(spec, Header + """
            actions:
              - target: $.paths['/v1/tasks'].get.parameters[?@.name == 'x' || @.name == 'limit']
                remove: true
              - target: $..description
                remove: true
            """);

        Assert.Empty(problems);
        var parameters = spec["paths"]!["/v1/tasks"]!["get"]!["parameters"]!.AsArray();
        Assert.Equal("page", Assert.Single(parameters)!["name"]!.GetValue<string>());
        Assert.DoesNotContain("description", spec.ToJsonString(), StringComparison.Ordinal);
        Assert.True(spec["paths"]!["/v1/tasks"]!["get"]!["responses"]!["200"] is JsonObject { Count: 0 });
    }

    [Fact]
    public void Remove_with_wildcard_empties_an_array()
    {
        var spec = Spec();
        var (problems, _) = Apply(spec, Header + "actions:\n  - target: $.paths.*.get.parameters[*]\n    remove: true\n");

        Assert.Empty(problems);
        Assert.Empty(spec["paths"]!["/v1/tasks"]!["get"]!["parameters"]!.AsArray());
    }

    [Fact]
    public void Removing_the_root_is_refused()
    {
        var spec = Spec();
        var before = spec.ToJsonString();
        var (problems, text) = Apply(spec, Header + "actions:\n  - target: $\n    remove: true\n");

        var problem = Assert.Single(problems);
        Assert.Equal(OverlayProblemKind.InvalidTarget, problem.Kind);
        Assert.Equal("$", TextOf(text, problem.Span));
        Assert.Equal(before, spec.ToJsonString());
    }

    // ---- problems with locations ----

    [Fact]
    public void Target_not_found_points_at_the_target_and_other_actions_still_apply()
    {
        var spec = Spec();
        var (problems, text) = Apply(spec, Header + """
            actions:
              - target: $.info
                update: {x-a: 1}
              - target: $.paths['/v2/gone'].get
                description: the spec moved on
                update: {summary: x}
              - target: $.info
                update: {x-b: 2}
            """);

        var problem = Assert.Single(problems);
        Assert.Equal(OverlayProblemKind.TargetNotFound, problem.Kind);
        Assert.Equal("$.paths['/v2/gone'].get", TextOf(text, problem.Span));
        Assert.Equal((7, 12), (problem.Span.StartLine, problem.Span.StartColumn));
        Assert.Contains("/v2/gone", problem.Message, StringComparison.Ordinal);
        Assert.Equal(1, spec["info"]!["x-a"]!.GetValue<long>());
        Assert.Equal(2, spec["info"]!["x-b"]!.GetValue<long>());
    }

    [Fact]
    public void Invalid_target_points_at_the_offending_character_of_a_plain_target()
    {
        var (problems, text) = Apply(Spec(), Header + "actions:\n  - target: $.paths.200\n    remove: true\n");

        var problem = Assert.Single(problems);
        Assert.Equal(OverlayProblemKind.InvalidTarget, problem.Kind);
        Assert.Equal((5, 20, 1), (problem.Span.StartLine, problem.Span.StartColumn, problem.Span.Length));
        Assert.Equal("2", TextOf(text, problem.Span));
        Assert.Contains("bracket notation", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_target_points_at_the_offending_character_of_a_quoted_json_target()
    {
        const string overlayJson = """
            {
              "overlay": "1.0.0",
              "info": {"title": "t", "version": "1"},
              "actions": [ {"target": "$.paths[?length(@)]", "remove": true} ]
            }
            """;
        var overlay = DocumentLoader.Load(overlayJson, isJson: true, CancellationToken.None);

        var problem = Assert.Single(OverlayApplier.Apply(Spec(), overlay.Root!, overlay.Map, CancellationToken.None));

        Assert.Equal(OverlayProblemKind.InvalidTarget, problem.Kind);
        Assert.Equal("l", TextOf(overlayJson, problem.Span));
        Assert.Contains("length()", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_target_with_escapes_points_at_the_whole_target()
    {
        const string overlay = Header + "actions:\n  - target: \"$.a\\u002e[\"\n    remove: true\n";
        var (problems, text) = Apply(Spec(), overlay);

        var problem = Assert.Single(problems);
        Assert.Equal(OverlayProblemKind.InvalidTarget, problem.Kind);
        Assert.Equal("\"$.a\\u002e[\"", TextOf(text, problem.Span));
    }

    [Theory]
    [InlineData("info: {title: t, version: 1}\nactions:\n  - target: $.info\n    update: {x: 1}\n", "'overlay'", 0)]
    [InlineData("overlay: 2.0.0\ninfo: {title: t, version: 1}\nactions:\n  - target: $.info\n    update: {x: 1}\n", "unsupported overlay version", 0)]
    [InlineData("overlay: 1.0\ninfo: {title: t, version: 1}\nactions:\n  - target: $.info\n    update: {x: 1}\n", "unsupported overlay version", 0)]
    [InlineData("overlay: 1.0.0\nactions:\n  - target: $.info\n    update: {x: 1}\n", "'info'", 0)]
    [InlineData("overlay: 1.0.0\ninfo: {title: t}\nactions:\n  - target: $.info\n    update: {x: 1}\n", "'version'", 1)]
    public void Header_problems_are_reported_but_actions_still_apply(string overlay, string messagePart, int line)
    {
        var spec = Spec();
        var (problems, _) = Apply(spec, overlay);

        var problem = Assert.Single(problems);
        Assert.Equal(OverlayProblemKind.InvalidOverlay, problem.Kind);
        Assert.Contains(messagePart, problem.Message, StringComparison.Ordinal);
        Assert.Equal(line, problem.Span.StartLine);
        Assert.Equal(1, spec["info"]!["x"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("", "no 'actions'", 0)]
    [InlineData("actions: {target: $.info}\n", "list of actions", 4)]
    [InlineData("actions: []\n", "at least one", 4)]
    [InlineData("actions:\n  - just text\n", "must be an object", 5)]
    [InlineData("actions:\n  - update: {x: 1}\n", "no 'target'", 5)]
    [InlineData("actions:\n  - target: 5\n    remove: true\n", "JSONPath string", 5)]
    [InlineData("actions:\n  - target: $.info\n    update: {x: 1}\n    remove: true\n", "both", 7)]
    [InlineData("actions:\n  - target: $.info\n    description: nothing\n", "does nothing", 5)]
    [InlineData("actions:\n  - target: $.info\n    remove: false\n", "does nothing", 5)]
    [InlineData("actions:\n  - target: $.info\n    remove: 'yes'\n", "true or false", 6)]
    [InlineData("actions:\n  - target: $.info\n    update: [1]\n", "must be an object", 6)]
    [InlineData("actions:\n  - target: $.info.title\n    update: {x: 1}\n", "can only update objects", 5)]
    public void Action_problems_are_reported_where_they_are_and_leave_the_spec_alone(string actions, string messagePart, int line)
    {
        var spec = Spec();
        var before = spec.ToJsonString();
        var (problems, _) = Apply(spec, Header + actions);

        var problem = Assert.Single(problems);
        Assert.Equal(OverlayProblemKind.InvalidOverlay, problem.Kind);
        Assert.Contains(messagePart, problem.Message, StringComparison.Ordinal);
        Assert.Equal(line, problem.Span.StartLine);
        Assert.Equal(before, spec.ToJsonString());
    }

    [Fact]
    public void An_update_that_fits_only_some_matches_changes_none_of_them()
    {
        var spec = Spec();
        var before = spec.ToJsonString();
        var (problems, _) = Apply(spec, Header + "actions:\n  - target: $.paths['/v1/tasks'].get.*\n    update: {x: 1}\n");

        var problem = Assert.Single(problems);
        Assert.Equal(OverlayProblemKind.InvalidOverlay, problem.Kind);
        Assert.Contains("/paths/~1v1~1tasks/get/description", problem.Message, StringComparison.Ordinal);
        Assert.Equal(before, spec.ToJsonString());
    }

    [Fact]
    public void Overlay_that_is_not_an_object_is_invalid()
    {
        var overlay = DocumentLoader.Load("- a\n- b\n", isJson: false, CancellationToken.None);

        var problem = Assert.Single(OverlayApplier.Apply(Spec(), overlay.Root!, overlay.Map, CancellationToken.None));

        Assert.Equal(OverlayProblemKind.InvalidOverlay, problem.Kind);
    }

    [Fact]
    public void Spec_positions_of_untouched_nodes_survive_and_added_nodes_fall_back_to_their_parent()
    {
        var loaded = DocumentLoader.Load(SpecJson, isJson: true, CancellationToken.None);
        var (problems, _) = Apply(loaded.Root!, Header + "actions:\n  - target: $.info\n    update: {x-new: {a: 1}}\n");

        Assert.Empty(problems);
        Assert.True(loaded.Map.TryGetSpan("/info/title", out var title));
        Assert.Equal(2, title.StartLine);
        Assert.False(loaded.Map.TryGetSpan("/info/x-new/a", out _));
        Assert.True(loaded.Map.TryGetSpan("/info", out var info));
        Assert.Equal(info, loaded.Map.Nearest("/info/x-new/a"));
    }

    [Fact]
    public void After_an_overlay_positions_follow_the_nodes_not_the_indices()
    {
        const string specYaml = "paths:\n  /a:\n    get:\n      parameters:\n        - name: first\n          in: query\n        - name: second\n          in: query\n";
        var loaded = DocumentLoader.Load(specYaml, isJson: false, CancellationToken.None);
        var (problems, _) = Apply(loaded.Root!, Header + """
            actions:
              - target: $.paths['/a'].get.parameters[0]
                remove: true
              - target: $.paths['/a'].get
                update: {summary: added}
            """);

        Assert.Empty(problems);
        const string pointer = "/paths/~1a/get/parameters/0/name";
        Assert.Equal("second", loaded.Root!["paths"]!["/a"]!["get"]!["parameters"]![0]!["name"]!.GetValue<string>());
        Assert.Equal((6, 16), (loaded.Map.Nearest(loaded.Root, pointer).StartLine, loaded.Map.Nearest(loaded.Root, pointer).StartColumn));
        Assert.Equal(4, loaded.Map.Nearest(pointer).StartLine);
        Assert.Equal(loaded.Map.Nearest("/paths/~1a/get"), loaded.Map.Nearest(loaded.Root, "/paths/~1a/get/summary"));
        Assert.False(loaded.Map.TryGetSpan(loaded.Root["paths"]!["/a"]!["get"]!["summary"]!, out _));
        Assert.True(loaded.Map.TryGetSpan(loaded.Root["paths"]!["/a"]!, out var pathItem));
        Assert.Equal(2, pathItem.StartLine);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var overlay = DocumentLoader.Load(Header + "actions:\n  - target: $.info\n    update: {x: 1}\n", isJson: false, CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => OverlayApplier.Apply(Spec(), overlay.Root!, overlay.Map, cancelled.Token));
    }
}
