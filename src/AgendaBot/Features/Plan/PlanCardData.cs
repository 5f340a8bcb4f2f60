using System.Text.Json;
using System.Text.Json.Serialization;
using AgendaBot.Bot.Cards;
using AgendaBot.Domain.Common;
using AgendaBot.Features.Workshops;

namespace AgendaBot.Features.Plan;

/// <summary>
/// What this feature's card buttons carry, plus the values of the card's inputs that Teams merges into it. Every id in
/// it is only a claim, checked against what the server knows; input values arrive as strings, so numbers are read
/// from strings too. The lists (work packages, milestones, indicators) are rows of inputs named by
/// <see cref="CardInput.Row{TRow}"/>; they arrive among <see cref="Inputs"/> and are read by <see cref="WorkPackageList"/>,
/// <see cref="MilestoneList"/> and <see cref="IndicatorList"/>.
/// </summary>
// Seam: the step card of step 6 draws the plan form again with what was typed.
[Seam]
public sealed record PlanData(string WorkshopId, int Step) : IWorkshopCard
{
    public string? Measure { get; init; }
    public string? Title { get; init; }
    public string? Owner { get; init; }
    public string? Start { get; init; }
    public string? End { get; init; }
    public bool BudgetYear { get; init; }

    /// <summary>Why a final plan gets a new measure; asked only once the plan is final.</summary>
    public string? ChangeReason { get; init; }

    /// <summary>How many rows of each list the card shows: the "Weitere Zeile" buttons carry them, so a redraw knows.</summary>
    public int WorkPackageRows { get; init; }
    public int MilestoneRows { get; init; }
    public int IndicatorRows { get; init; }

    /// <summary>The list a "Weitere Zeile" button adds a row to.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<PlanList>))]
    public PlanList? AddRowTo { get; init; }

    // Step-6 cards posted before the form had rows send the lists as lines ("2027-03-31 Ausschreibung"); they are read
    // as rows, so a click on such a card neither loses a line nor skips a check.
    public string? WorkPackages { get; init; }
    public string? Milestones { get; init; }
    public string? Indicators { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; set; }

    public IReadOnlyList<WorkPackageRow> WorkPackageList() =>
        Rows(i => new WorkPackageRow(Value(CardInput.Row<WorkPackageRow>(i, nameof(WorkPackageRow.Title)))))
            .Concat(Lines(WorkPackages).Select(line => new WorkPackageRow(line)))
            .ToList();

    public IReadOnlyList<MilestoneRow> MilestoneList() =>
        Rows(i => new MilestoneRow(
                Value(CardInput.Row<MilestoneRow>(i, nameof(MilestoneRow.Date))),
                Value(CardInput.Row<MilestoneRow>(i, nameof(MilestoneRow.Title)))))
            .Concat(Lines(Milestones).Select(line => line.Split(' ', 2, StringSplitOptions.TrimEntries) is [var date, var title]
                ? new MilestoneRow(date, title)
                : new MilestoneRow(null, line)))
            .ToList();

    public IReadOnlyList<IndicatorRow> IndicatorList() =>
        Rows(i => new IndicatorRow(
                Value(CardInput.Row<IndicatorRow>(i, nameof(IndicatorRow.Name))),
                Value(CardInput.Row<IndicatorRow>(i, nameof(IndicatorRow.Unit))),
                Value(CardInput.Row<IndicatorRow>(i, nameof(IndicatorRow.Baseline))),
                Value(CardInput.Row<IndicatorRow>(i, nameof(IndicatorRow.Target)))))
            .Concat(Lines(Indicators).Select(line => line.Split(';', StringSplitOptions.TrimEntries))
                .Select(parts => new IndicatorRow(parts[0], parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2), parts.ElementAtOrDefault(3))))
            .ToList();

    /// <summary>
    /// The rows the card sent, in their places up to the last one filled in (a redraw shows them where they were); one
    /// more than the domain allows, so that too many is refused there rather than cut off here.
    /// </summary>
    private static List<TRow> Rows<TRow>(Func<int, TRow> row) where TRow : IPlanRow
    {
        var rows = Enumerable.Range(0, TextLimits.ListItems + 1).Select(row).ToList();
        return rows[..(rows.FindLastIndex(r => !r.IsBlank) + 1)];
    }

    /// <summary>A text or number input's value as typed; null when the card did not send it.</summary>
    private string? Value(string id) =>
        Inputs is not null && Inputs.TryGetValue(id, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string[] Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The lists of the plan form that grow row by row.</summary>
public enum PlanList
{
    WorkPackages,
    Milestones,
    Indicators,
}

/// <summary>One row of a list on the plan form, as typed.</summary>
public interface IPlanRow
{
    bool IsBlank { get; }
}

public sealed record WorkPackageRow(string? Title) : IPlanRow
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Title);
}

public sealed record MilestoneRow(string? Date, string? Title) : IPlanRow
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Date) && string.IsNullOrWhiteSpace(Title);
}

public sealed record IndicatorRow(string? Name, string? Unit, string? Baseline, string? Target) : IPlanRow
{
    public bool IsBlank => new[] { Name, Unit, Baseline, Target }.All(string.IsNullOrWhiteSpace);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters = [typeof(CardBooleanConverter)])]
[JsonSerializable(typeof(PlanData))]
public sealed partial class PlanCardJson : JsonSerializerContext;
