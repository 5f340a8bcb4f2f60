using AgendaBot.Domain.Measures;
using ScottPlot;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>
/// One colour per measure status, told apart also by people with red-green colour blindness (after Okabe and Ito):
/// done green-blue, delayed orange, running blue, planned grey-blue, dropped light grey.
/// </summary>
public static class StatusColors
{
    public static Color For(MeasureStatus status) => status switch
    {
        MeasureStatus.Planned => Color.FromHex("#8FA3B8"),
        MeasureStatus.InProgress => Color.FromHex("#0F6CBD"),
        MeasureStatus.Delayed => Color.FromHex("#E69F00"),
        MeasureStatus.Done => Color.FromHex("#009E73"),
        MeasureStatus.Dropped => Color.FromHex("#D0D0D0"),
        _ => Color.FromHex("#8FA3B8"),
    };

    /// <summary>The same colour as "#RRGGBB", for a card that names the status next to the picture.</summary>
    public static string Hex(MeasureStatus status) => For(status).ToHex();
}
