using System.Globalization;

namespace AgendaBot.Bot.Localization;

/// <summary>
/// Counted nouns in resource texts: <c>{0:#Stimme|Stimmen}</c> gives "1 Stimme" and "3 Stimmen", <c>{0:@Stimme|Stimmen}</c>
/// the noun alone. German and English both take the singular for exactly one and the plural otherwise (also for 0
/// and for 1,5). Any other format is passed to the value as usual.
/// </summary>
internal sealed class CountedNoun(CultureInfo culture) : IFormatProvider, ICustomFormatter
{
    public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : culture.GetFormat(formatType);

    public string Format(string? format, object? arg, IFormatProvider? formatProvider)
    {
        if (format is ['#' or '@', .. var forms] && forms.Split('|') is [var one, var other] && Count(arg) is { } count)
        {
            var noun = count == 1 ? one : other;
            return format[0] == '@' ? noun : $"{(arg is IFormattable number ? number.ToString(null, culture) : arg)} {noun}";
        }

        return arg switch
        {
            IFormattable formattable => formattable.ToString(format, culture),
            null => string.Empty,
            _ => arg.ToString() ?? string.Empty,
        };
    }

    private static decimal? Count(object? arg) => arg switch
    {
        int n => n,
        long n => n,
        double n when double.IsFinite(n) => (decimal)n,
        decimal n => n,
        string text when decimal.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };
}
