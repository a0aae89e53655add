using OpenApiGen.Runtime;
using QwenImageEdit.Vendors.EvoLink;
using QwenImageEdit.Vendors.ModelsLab;
using ApikleyRequest = QwenImageEdit.Vendors.Apikley.QwenImageEditRequest;

namespace OpenApiGen.Tests.RoundTrip;

/// <summary>The vendors' constraints, enforced by the generated <c>Validate()</c>: every violation, each with its JSON path.</summary>
public class ValidationTests
{
    private static readonly Uri s_image = new("https://example.com/a.png");

    [Fact]
    public void A_valid_request_has_no_violations()
    {
        var request = new QwenImageEditPlusRequest { Prompt = "Make it blue", ImageUrls = [s_image], N = 2, Seed = 7 };

        Assert.Empty(request.Validate());
    }

    [Fact]
    public void EvoLink_allows_at_most_three_images_and_a_2000_character_prompt()
    {
        var request = new QwenImageEditRequest { Prompt = new string('x', 2001), ImageUrls = [s_image, s_image, s_image, s_image] };

        var errors = request.Validate();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, static e => e is { Path: "$.prompt", Rule: "maxLength" });
        Assert.Contains(errors, static e => e is { Path: "$.image_urls", Rule: "maxItems" });
        Assert.Contains("at most 3 items, but has 4", errors.Single(static e => e.Rule == "maxItems").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvoLink_needs_at_least_one_image()
    {
        var errors = new QwenImageEditRequest { Prompt = "p", ImageUrls = [] }.Validate();

        Assert.Equal("$.image_urls", Assert.Single(errors).Path);
        Assert.Equal("minItems", errors[0].Rule);
    }

    [Theory]
    [InlineData(0, -1, 2)]
    [InlineData(7, 2147483648L, 2)]
    [InlineData(6, 2147483647L, 0)]
    [InlineData(1, 0, 0)]
    public void The_plus_model_counts_1_to_6_images_and_seeds_within_32_bits(int n, long seed, int violations)
    {
        var request = new QwenImageEditPlusRequest { Prompt = "p", ImageUrls = [s_image], N = n, Seed = (int)Math.Clamp(seed, int.MinValue, int.MaxValue) };
        var errors = request.Validate();

        // The seed is an int in C#: 2^31 cannot even be set, so only the lower bound can fail through it.
        var expected = violations - (seed > int.MaxValue ? 1 : 0);
        Assert.Equal(expected, errors.Count);
        Assert.All(errors, static e => Assert.Contains(e.Path, new[] { "$.n", "$.seed" }));
    }

    [Fact]
    public void The_plus_size_must_be_width_x_height()
    {
        var errors = new QwenImageEditPlusRequest { Prompt = "p", ImageUrls = [s_image], Size = "big" }.Validate();

        var error = Assert.Single(errors);
        Assert.Equal(("$.size", "pattern"), (error.Path, error.Rule));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    [InlineData(49, 0)]
    [InlineData(50, 1)]
    public void Apikley_takes_2_to_49_inference_steps(double steps, int violations)
    {
        var request = new ApikleyRequest { Input = new() { Prompt = "p", ImageUrl = "https://example.com/a.png", NumInferenceSteps = steps } };

        var errors = request.Validate();

        Assert.Equal(violations, errors.Count);
        Assert.All(errors, static e => Assert.Equal("$.input.num_inference_steps", e.Path));
    }

    [Fact]
    public void Nested_and_listed_values_are_checked_with_their_paths()
    {
        var request = new ApikleyRequest { Input = new() { Prompt = new string('p', 2001), ImageUrl = "u", NegativePrompt = new string('n', 501), GuidanceScale = 21 } };

        var paths = request.Validate().Select(static e => e.Path).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(new[] { "$.input.guidance_scale", "$.input.negative_prompt", "$.input.prompt" }, paths);
    }

    [Fact]
    public void A_required_member_set_to_null_anyway_is_reported()
    {
        var errors = new QwenImageEditRequest { Prompt = null!, ImageUrls = [s_image] }.Validate();

        Assert.Equal(new ValidationError("$.prompt", "required", "is required"), Assert.Single(errors));
    }

    [Fact]
    public void A_value_outside_a_spec_enum_is_reported_though_the_type_can_hold_it()
    {
        var errors = new QwenRequest { Key = "k", Prompt = "p", InitImage = "https://example.com/a.png", ModelId = "qwen-edit-9999" }.Validate();

        var error = Assert.Single(errors);
        Assert.Equal(("$.model_id", "enum"), (error.Path, error.Rule));
        Assert.Contains("qwen-edit-2509, qwen-edit-2511", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelsLab_takes_at_most_four_images_inside_its_union()
    {
        var errors = new QwenRequest { Key = "k", Prompt = "p", InitImage = new[] { "a", "b", "c", "d", "e" } }.Validate();

        Assert.Equal(("$.init_image", "maxItems"), (Assert.Single(errors).Path, errors[0].Rule));
    }
}
