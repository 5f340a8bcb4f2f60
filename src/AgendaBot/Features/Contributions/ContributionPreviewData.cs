using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Features.Contributions;

/// <summary>
/// What the preview card's buttons carry: the text itself (nothing is stored before "Speichern"), the preview's
/// identity (the message it answered, so a second click stores nothing twice) and where it goes — one workshop and
/// step, or the person's choice (<see cref="Target"/>) among several. All of it only a claim, checked at "Speichern".
/// </summary>
public sealed record ContributionPreviewData(string PreviewId, string Text)
{
    public string? WorkshopId { get; init; }
    public int? Step { get; init; }

    /// <summary>The choice input's value, "{workshopId}:{step}", when the person is in several open workshops.</summary>
    public string? Target { get; init; }

    public static string TargetOf(string workshopId, int step) => string.Create(CultureInfo.InvariantCulture, $"{workshopId}:{step}");

    /// <summary>The workshop and step the person means: their choice if the card offered one, else the card's only target.</summary>
    public (string WorkshopId, int Step)? Destination() =>
        Target is { } target && target.Split(':') is [var workshop, var step] && int.TryParse(step, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && workshop.Length > 0
            ? (workshop, number)
            : WorkshopId is { Length: > 0 } only && Step is { } onlyStep ? (only, onlyStep) : null;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(ContributionPreviewData))]
public sealed partial class ContributionPreviewJson : JsonSerializerContext;
