using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AgendaBot.Domain.Measures;

namespace AgendaBot.Storage.Measures;

/// <summary>
/// How a <see cref="MeasureChange"/> stores its before and after values (written by <see cref="MeasureDiff"/>), read back
/// as values, so that nobody above the storage has to know the stored text. Each reader returns null for a value it
/// cannot read (a row from an older format), and the caller then says only that the field changed.
/// </summary>
public static class MeasureHistory
{
    public const string Created = "created";
    public const string Title = "title";
    public const string Description = "description";
    public const string Owner = "owner";
    public const string Start = "start";
    public const string End = "end";
    public const string Status = "status";
    public const string Progress = "progress";
    public const string Priority = "priority";
    public const string NextBudgetYear = "nextBudgetYear";
    public const string WorkPackages = "workPackages";
    public const string Milestones = "milestones";
    public const string Indicators = "indicators";

    /// <summary>Why a final plan was changed: the text in <c>After</c>, written beside the changes it explains.</summary>
    public const string Reason = "reason";

    public static string? Write(DateOnly? date) => date?.ToString("O", CultureInfo.InvariantCulture);

    public static string? Write(int? number) => number?.ToString(CultureInfo.InvariantCulture);

    public static string Write(MeasureStatus status) => status.ToString();

    public static string Write(bool flag) => flag.ToString();

    public static string Write(IEnumerable<string> workPackages) => JsonSerializer.Serialize(workPackages.ToList(), StorageJson.Default.ListString);

    public static string Write(IEnumerable<Milestone> milestones) => JsonSerializer.Serialize(milestones.ToList(), StorageJson.Default.ListMilestone);

    public static string Write(IEnumerable<Indicator> indicators) => JsonSerializer.Serialize(indicators.ToList(), StorageJson.Default.ListIndicator);

    public static DateOnly? ReadDate(string? value) =>
        DateOnly.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static int? ReadNumber(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static MeasureStatus? ReadStatus(string? value) =>
        Enum.TryParse<MeasureStatus>(value, ignoreCase: false, out var status) && Enum.IsDefined(status) ? status : null;

    public static bool? ReadFlag(string? value) => bool.TryParse(value, out var flag) ? flag : null;

    /// <summary>An absent value is an empty list: the first work package of a measure was added to none.</summary>
    public static IReadOnlyList<string>? ReadWorkPackages(string? value) => ReadList(value, StorageJson.Default.ListString);

    public static IReadOnlyList<Milestone>? ReadMilestones(string? value) => ReadList(value, StorageJson.Default.ListMilestone);

    public static IReadOnlyList<Indicator>? ReadIndicators(string? value) => ReadList(value, StorageJson.Default.ListIndicator);

    private static List<T>? ReadList<T>(string? value, JsonTypeInfo<List<T>> type)
    {
        if (string.IsNullOrEmpty(value))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize(value, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
