using AgendaBot.Domain.Measures;
using AgendaBot.Infrastructure.Charts;

namespace AgendaBot.Tests.Charts;

public sealed class ChartLabelTests
{
    [Fact]
    public void A_short_label_stays_as_it_is()
    {
        Assert.Equal("#2 WLAN in öffentlichen Gebäuden", ChartText.Fit("#2 WLAN in öffentlichen Gebäuden", 300));
    }

    [Fact]
    public void A_long_label_is_cut_at_a_word_with_an_ellipsis()
    {
        var label = ChartText.Fit("#3 Online-Terminvergabe für alle Bürgerbüros und das Standesamt", 250);

        Assert.Equal("#3 Online-Terminvergabe für alle…", label);
    }

    [Fact]
    public void Wide_letters_are_cut_sooner_than_narrow_ones()
    {
        var wide = ChartText.Fit(new string('W', 100), 300);
        var narrow = ChartText.Fit(new string('i', 100), 300);

        Assert.EndsWith("…", wide);
        Assert.InRange(wide.Length, 10, 40);
        Assert.True(narrow.Length > 2 * wide.Length, $"{narrow.Length} narrow vs {wide.Length} wide letters");
    }

    [Fact]
    public void Line_breaks_and_runs_of_blanks_become_one_space()
    {
        Assert.Equal("Zeile eins Zeile zwei", ChartText.Fit("  Zeile eins\r\n\tZeile   zwei ", 300));
    }

    [Fact]
    public void Characters_the_font_cannot_draw_are_left_out_instead_of_showing_boxes()
    {
        Assert.Equal("Straße Radweg ✔", ChartText.Fit("Straße 🚲 Radweg ✔", 300));
    }

    [Fact]
    public void Every_status_has_its_own_colour()
    {
        var colours = Enum.GetValues<MeasureStatus>().Select(StatusColors.Hex).ToList();

        Assert.Equal(colours.Count, colours.Distinct().Count());
        Assert.All(colours, hex => Assert.Matches("^#[0-9A-F]{6}$", hex));
    }
}
