using System.Text.Json;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Protocol.Tests.Cards;

/// <summary>
/// Style values reach Teams as exactly the strings the Adaptive Card schema names, in the casing the bot has always
/// sent, and a value that names nothing is refused instead of being written as a number Teams would ignore.
/// </summary>
public sealed class CardStyleJsonTests
{
    private static JsonElement Body(CardElement element) =>
        CardAttachments.ToJson(new AdaptiveCard { Body = [element] }).GetProperty("body")[0];

    private static string Written(JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new InvalidOperationException($"{property} is not a string");

    private static void EveryValueIsPinned<TEnum>(IReadOnlyDictionary<TEnum, string> expected, Func<TEnum, string> written)
        where TEnum : struct, Enum
    {
        Assert.Equal(Enum.GetValues<TEnum>().Order(), expected.Keys.Order());
        foreach (var (value, text) in expected)
        {
            Assert.Equal(text, written(value));
        }
    }

    [Fact]
    public void Text_weights_are_written_as_the_schema_names_them() =>
        EveryValueIsPinned(
            new Dictionary<TextWeight, string> { [TextWeight.Default] = "Default", [TextWeight.Lighter] = "Lighter", [TextWeight.Bolder] = "Bolder" },
            w => Written(Body(new TextBlock("x") { Weight = w }), "weight"));

    [Fact]
    public void Text_sizes_are_written_as_the_schema_names_them() =>
        EveryValueIsPinned(
            new Dictionary<TextSize, string>
            {
                [TextSize.Default] = "Default", [TextSize.Small] = "Small", [TextSize.Medium] = "Medium",
                [TextSize.Large] = "Large", [TextSize.ExtraLarge] = "ExtraLarge",
            },
            s => Written(Body(new TextBlock("x") { Size = s }), "size"));

    [Fact]
    public void Text_colors_are_written_as_the_schema_names_them() =>
        EveryValueIsPinned(
            new Dictionary<TextColor, string>
            {
                [TextColor.Default] = "Default", [TextColor.Dark] = "Dark", [TextColor.Light] = "Light", [TextColor.Accent] = "Accent",
                [TextColor.Good] = "Good", [TextColor.Warning] = "Warning", [TextColor.Attention] = "Attention",
            },
            c => Written(Body(new TextBlock("x") { Color = c }), "color"));

    [Fact]
    public void Text_runs_write_the_same_strings_as_text_blocks()
    {
        var run = Body(new RichTextBlock([new TextRun("x") { Weight = TextWeight.Bolder, Size = TextSize.Large, Color = TextColor.Attention }]))
            .GetProperty("inlines")[0];

        Assert.Equal(("Bolder", "Large", "Attention"), (Written(run, "weight"), Written(run, "size"), Written(run, "color")));
    }

    [Fact]
    public void Text_block_styles_are_written_in_lower_case() =>
        EveryValueIsPinned(
            new Dictionary<TextBlockStyle, string> { [TextBlockStyle.Default] = "default", [TextBlockStyle.Heading] = "heading" },
            s => Written(Body(new TextBlock("x") { Style = s }), "style"));

    [Fact]
    public void Spacings_are_written_as_the_schema_names_them() =>
        EveryValueIsPinned(
            new Dictionary<ElementSpacing, string>
            {
                [ElementSpacing.Default] = "Default", [ElementSpacing.None] = "None", [ElementSpacing.Small] = "Small",
                [ElementSpacing.Medium] = "Medium", [ElementSpacing.Large] = "Large", [ElementSpacing.ExtraLarge] = "ExtraLarge",
                [ElementSpacing.Padding] = "Padding",
            },
            s => Written(Body(new FactSet([]) { Spacing = s }), "spacing"));

    [Fact]
    public void Container_styles_are_written_in_lower_case() =>
        EveryValueIsPinned(
            new Dictionary<ContainerStyle, string>
            {
                [ContainerStyle.Default] = "default", [ContainerStyle.Emphasis] = "emphasis", [ContainerStyle.Good] = "good",
                [ContainerStyle.Attention] = "attention", [ContainerStyle.Warning] = "warning", [ContainerStyle.Accent] = "accent",
            },
            s => Written(Body(new Container([]) { Style = s }), "style"));

    [Fact]
    public void Image_sizes_and_styles_are_written_as_the_schema_names_them()
    {
        EveryValueIsPinned(
            new Dictionary<ImageSize, string>
            {
                [ImageSize.Auto] = "Auto", [ImageSize.Stretch] = "Stretch", [ImageSize.Small] = "Small",
                [ImageSize.Medium] = "Medium", [ImageSize.Large] = "Large",
            },
            s => Written(Body(new Image("https://example.org/a.png", "a") { Size = s }), "size"));
        EveryValueIsPinned(
            new Dictionary<ImageStyle, string> { [ImageStyle.Default] = "default", [ImageStyle.Person] = "person" },
            s => Written(Body(new Image("https://example.org/a.png", "a") { Style = s }), "style"));
    }

    [Fact]
    public void Choice_set_styles_are_written_in_lower_case() =>
        EveryValueIsPinned(
            new Dictionary<ChoiceSetStyle, string> { [ChoiceSetStyle.Compact] = "compact", [ChoiceSetStyle.Expanded] = "expanded" },
            s => Written(Body(new ChoiceSetInput([]) { Style = s }), "style"));

    [Fact]
    public void Column_widths_and_alignments_are_written_as_the_schema_names_them()
    {
        JsonElement ColumnJson(ColumnWidth width, VerticalAlignment alignment) =>
            Body(new ColumnSet([new Column([]) { Width = width, VerticalContentAlignment = alignment }])).GetProperty("columns")[0];

        Assert.Equal("auto", Written(ColumnJson(ColumnWidth.Auto, VerticalAlignment.Top), "width"));
        Assert.Equal("stretch", Written(ColumnJson(ColumnWidth.Stretch, VerticalAlignment.Top), "width"));
        Assert.Equal("40px", Written(ColumnJson(ColumnWidth.Pixels(40), VerticalAlignment.Top), "width"));
        Assert.Equal(2, ColumnJson(ColumnWidth.Weighted(2), VerticalAlignment.Top).GetProperty("width").GetInt32());
        EveryValueIsPinned(
            new Dictionary<VerticalAlignment, string> { [VerticalAlignment.Top] = "Top", [VerticalAlignment.Center] = "Center", [VerticalAlignment.Bottom] = "Bottom" },
            a => Written(ColumnJson(ColumnWidth.Auto, a), "verticalContentAlignment"));
    }

    [Fact]
    public void Teams_cards_are_full_width_by_default()
    {
        var json = CardAttachments.ToJson(new AdaptiveCard { MsTeams = new() });

        Assert.Equal("Full", Written(json.GetProperty("msteams"), "width"));
    }

    [Fact]
    public void Styles_left_unset_are_not_written()
    {
        var block = Body(new TextBlock("x"));

        Assert.False(block.TryGetProperty("weight", out _) || block.TryGetProperty("size", out _) || block.TryGetProperty("color", out _)
            || block.TryGetProperty("spacing", out _) || block.TryGetProperty("style", out _));
    }

    [Fact]
    public void A_style_value_that_names_nothing_is_refused() =>
        Assert.ThrowsAny<JsonException>(() => Body(new TextBlock("x") { Weight = (TextWeight)42 }));

    [Fact]
    public void A_column_width_from_no_factory_is_refused() =>
        Assert.ThrowsAny<JsonException>(() => Body(new ColumnSet([new Column([]) { Width = default(ColumnWidth) }])));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Column_widths_are_positive(int amount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ColumnWidth.Pixels(amount));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColumnWidth.Weighted(amount));
    }
}
