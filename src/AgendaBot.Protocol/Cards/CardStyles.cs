using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Protocol.Cards;

// The member names are what Teams receives: each enum writes exactly the spelling (and casing) the bot has always
// sent, so a renamed member would change the card JSON. The Protocol.Tests pin every value.

/// <summary>Writes an enum as its <see cref="JsonStringEnumMemberNameAttribute"/> string and refuses undefined values.</summary>
/// <remarks>An undefined value (a cast number) would otherwise be written as a number, which Teams drops silently.</remarks>
public sealed class CardEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;

[JsonConverter(typeof(CardEnumConverter<TextWeight>))]
public enum TextWeight
{
    Default,
    Lighter,
    Bolder,
}

[JsonConverter(typeof(CardEnumConverter<TextSize>))]
public enum TextSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}

[JsonConverter(typeof(CardEnumConverter<TextColor>))]
public enum TextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}

[JsonConverter(typeof(CardEnumConverter<TextBlockStyle>))]
public enum TextBlockStyle
{
    [JsonStringEnumMemberName("default")]
    Default,

    [JsonStringEnumMemberName("heading")]
    Heading,
}

[JsonConverter(typeof(CardEnumConverter<ElementSpacing>))]
public enum ElementSpacing
{
    Default,
    None,
    Small,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}

[JsonConverter(typeof(CardEnumConverter<ContainerStyle>))]
public enum ContainerStyle
{
    [JsonStringEnumMemberName("default")]
    Default,

    [JsonStringEnumMemberName("emphasis")]
    Emphasis,

    [JsonStringEnumMemberName("good")]
    Good,

    [JsonStringEnumMemberName("attention")]
    Attention,

    [JsonStringEnumMemberName("warning")]
    Warning,

    [JsonStringEnumMemberName("accent")]
    Accent,
}

[JsonConverter(typeof(CardEnumConverter<VerticalAlignment>))]
public enum VerticalAlignment
{
    Top,
    Center,
    Bottom,
}

[JsonConverter(typeof(CardEnumConverter<ImageSize>))]
public enum ImageSize
{
    Auto,
    Stretch,
    Small,
    Medium,
    Large,
}

[JsonConverter(typeof(CardEnumConverter<ImageStyle>))]
public enum ImageStyle
{
    [JsonStringEnumMemberName("default")]
    Default,

    [JsonStringEnumMemberName("person")]
    Person,
}

[JsonConverter(typeof(CardEnumConverter<ChoiceSetStyle>))]
public enum ChoiceSetStyle
{
    [JsonStringEnumMemberName("compact")]
    Compact,

    [JsonStringEnumMemberName("expanded")]
    Expanded,
}

/// <summary>How wide Teams draws the card; "Full" uses the whole message width.</summary>
[JsonConverter(typeof(CardEnumConverter<TeamsCardWidth>))]
public enum TeamsCardWidth
{
    Full,
}
