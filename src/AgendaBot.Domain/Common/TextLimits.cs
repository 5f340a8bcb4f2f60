namespace AgendaBot.Domain.Common;

/// <summary>
/// Maximum lengths of everything people write. A Table string property holds at most 32 K UTF-16 characters and an
/// entity at most 1 MiB; these limits keep every entity far below that and keep cards readable.
/// </summary>
public static class TextLimits
{
    public const int Title = 120;
    public const int Name = 200;
    public const int ContributionText = 2000;
    public const int Comment = 2000;
    public const int Url = 500;
    public const int ShortText = 300;
    public const int FieldsOfAction = 12;
    public const int ListItems = 30;

    /// <summary>Trims and checks a required text; throws <see cref="DomainException"/> when it is empty or too long.</summary>
    public static string Required(string? text, int max, string field)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(DomainErrorCode.TextMissing, field);
        }

        return trimmed.Length > max ? throw new DomainException(DomainErrorCode.TextTooLong, field, max) : trimmed;
    }

    public static string? Optional(string? text, int max, string field)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > max ? throw new DomainException(DomainErrorCode.TextTooLong, field, max) : trimmed;
    }

    public static IReadOnlyList<T> Bounded<T>(IReadOnlyList<T> items, int max, string field) =>
        items.Count > max ? throw new DomainException(DomainErrorCode.TooManyItems, field, max) : items;
}
