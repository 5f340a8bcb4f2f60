using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgendaBot.Bot.Cards;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Voting;
using AgendaBot.Features.Workshops;

namespace AgendaBot.Features.Voting;

/// <summary>
/// What this feature's card buttons carry, plus the values of the card's inputs that Teams merges into it. Every id in
/// it is only a claim, checked against what the server knows; input values arrive as strings, so numbers are read
/// from strings too.
/// </summary>
public sealed record VotingSetupData(string WorkshopId, int Step) : IWorkshopCard
{
    public string? Items { get; init; }
    public string? Method { get; init; }
    public string? Criteria { get; init; }
    public string? Points { get; init; }
    public string? MaxPerItem { get; init; }
    public bool Anonymous { get; init; }
    public string? Minutes { get; init; }
}

public sealed record RoundRef(string WorkshopId, string RoundId) : IWorkshopCard;

/// <summary>
/// A ballot: which round, and the values of the card's rating inputs (named "s_{item}_{criterion}" or "p_{item}"), whose
/// names the ballot card takes from here and whose values are parsed here, in one place.
/// </summary>
// Seam: the final round's ballot names its inputs the same way and is read by the same rules.
[Seam]
public sealed record BallotData(string WorkshopId, string RoundId) : IWorkshopCard
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; set; }

    public static string StarsId(int item, int criterion) => $"s_{item}_{criterion}";

    public static string PointsId(int item) => $"p_{item}";

    /// <summary>Reads the scores from the input values; unknown names or non-numbers are a tampered card.</summary>
    public IReadOnlyList<Score> ScoresFor(VotingRound round)
    {
        var scores = new List<Score>();
        foreach (var (name, raw) in Inputs ?? [])
        {
            var text = raw.ValueKind == JsonValueKind.Number ? raw.GetRawText() : raw.ValueKind == JsonValueKind.String ? raw.GetString() : null;
            if (string.IsNullOrWhiteSpace(text) || (!name.StartsWith("s_", StringComparison.Ordinal) && !name.StartsWith("p_", StringComparison.Ordinal)))
            {
                continue;
            }

            var parts = name.Split('_');
            if (!int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var item))
            {
                throw new DomainException(DomainErrorCode.InvalidBallot, "input");
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                throw new DomainException(new InputProblem.NotAWholeNumber(item));
            }

            string? criterion = null;
            if (parts[0] == "s")
            {
                if (parts.Length != 3 || !int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
                    || index < 0 || index >= round.Criteria.Count)
                {
                    throw new DomainException(DomainErrorCode.InvalidBallot, "criterion");
                }

                criterion = round.Criteria[index];
            }

            if (parts[0] == "p" && value == 0)
            {
                continue;
            }

            scores.Add(new Score(item, criterion, value));
        }

        return scores;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters = [typeof(CardBooleanConverter)])]
[JsonSerializable(typeof(VotingSetupData))]
[JsonSerializable(typeof(RoundRef))]
[JsonSerializable(typeof(BallotData))]
public sealed partial class VotingCardJson : JsonSerializerContext;
