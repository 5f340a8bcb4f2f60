using AgendaBot.Domain.Measures;
using SkiaSharp;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>
/// One colour per measure status, told apart also by people with red-green colour blindness (after Okabe and Ito):
/// done green-blue, delayed vermilion, running blue, planned grey-blue, dropped grey (drawn as an outline). Each keeps
/// at least 3:1 against white, as WCAG asks of graphics that carry meaning.
/// </summary>
public static class StatusColors
{
    public static SKColor For(MeasureStatus status) => SKColor.Parse(Hex(status));

    /// <summary>The same colour as "#RRGGBB", for a card that names the status next to the picture.</summary>
    public static string Hex(MeasureStatus status) => status switch
    {
        MeasureStatus.InProgress => "#0F6CBD",
        MeasureStatus.Delayed => "#C25400",
        MeasureStatus.Done => "#00876A",
        MeasureStatus.Dropped => "#767676",
        _ => "#5E7389",
    };
}
