using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Protocol.Cards;

/// <summary>
/// A small typed model of Adaptive Cards 1.5 — the highest version Teams renders — covering the elements the bot
/// sends. Unknown elements make Teams render a blank card, so only schema-valid types exist here.
/// </summary>
public sealed record AdaptiveCard
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "AdaptiveCard";

    [JsonPropertyName("$schema")]
    public string Schema { get; init; } = "http://adaptivecards.io/schemas/adaptive-card.json";

    public string Version { get; init; } = "1.5";

    public string? Lang { get; init; }

    /// <summary>Shown by clients that cannot render cards.</summary>
    public string? FallbackText { get; init; }

    public string? Speak { get; init; }

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction>? Actions { get; init; }

    public CardRefresh? Refresh { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; init; }
}

public sealed record TeamsCardProperties(TeamsCardWidth? Width = TeamsCardWidth.Full);

/// <summary>Asks Teams to fetch a user-specific view for the listed users (at most 60).</summary>
public sealed record CardRefresh(CardAction Action, IReadOnlyList<string>? UserIds);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(TimeInput), "Input.Time")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
public abstract record CardElement
{
    public string? Id { get; init; }
    public ElementSpacing? Spacing { get; init; }
    public bool? Separator { get; init; }
    public bool? IsVisible { get; init; }
}

public sealed record TextBlock(string Text) : CardElement
{
    public bool? Wrap { get; init; } = true;
    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public TextBlockStyle? Style { get; init; }
    public int? MaxLines { get; init; }
}

/// <summary>
/// Text made of runs. A <see cref="TextRun"/> is never read as markdown, which makes it the safe place for anything
/// a user wrote: asterisks, links and brackets stay plain characters.
/// </summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement;

public sealed record TextRun(string Text)
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "TextRun";
    public TextWeight? Weight { get; init; }
    public bool? IsSubtle { get; init; }
    public bool? Italic { get; init; }
    public TextSize? Size { get; init; }
    public TextColor? Color { get; init; }
}

public sealed record Fact(string Title, string Value);

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }
    public bool? Bleed { get; init; }
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "Column";
    public ColumnWidth? Width { get; init; }
    public VerticalAlignment? VerticalContentAlignment { get; init; }
}

public sealed record Image(string Url, string AltText) : CardElement
{
    public ImageSize? Size { get; init; }
    public ImageStyle? Style { get; init; }
}

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

public abstract record InputElement : CardElement
{
    public string? Label { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

public sealed record TextInput : InputElement
{
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }
}

public sealed record Choice(string Title, string Value);

public sealed record ChoiceSetInput(IReadOnlyList<Choice> Choices) : InputElement
{
    public string? Value { get; init; }
    public ChoiceSetStyle? Style { get; init; }
    public bool? IsMultiSelect { get; init; }
    public string? Placeholder { get; init; }
}

public sealed record ToggleInput(string Title) : InputElement
{
    public string? Value { get; init; }
    public string? ValueOn { get; init; }
    public string? ValueOff { get; init; }
}

public sealed record DateInput : InputElement
{
    public string? Value { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
}

/// <summary>A time of day, sent as "HH:mm".</summary>
public sealed record TimeInput : InputElement
{
    public string? Value { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
}

public sealed record NumberInput : InputElement
{
    public double? Value { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction(string Title)
{
    public string? Id { get; init; }
    public string? Tooltip { get; init; }
}

/// <summary>
/// Universal Action. Carries an <c>Action.Submit</c> fallback with the same verb inside its data, so that a client
/// without Universal Actions still reaches the same handler.
/// </summary>
public sealed record ExecuteAction(string Title, string Verb, JsonElement? Data) : CardAction(Title)
{
    public CardAction? Fallback { get; init; }

    public static ExecuteAction WithSubmitFallback(string title, string verb, JsonElement? data) =>
        new(title, verb, data) { Fallback = new SubmitAction(title, SubmitData.With(verb, data)) };
}

public sealed record SubmitAction(string Title, JsonElement? Data) : CardAction(Title);

public sealed record OpenUrlAction(string Title, string Url) : CardAction(Title);

public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title);
