using AgendaBot.Bot.Localization;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Workshops;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Tests.Workshops;

/// <summary>The reflection's count line reads as a sentence however many contributions and people there are.</summary>
public sealed class ReflectionCardTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TeamsUser Klaus = new("aad-klaus", "Klaus Meier");
    private static readonly TeamsUser Sabine = new("aad-sabine", "Sabine Wagner");

    [Theory]
    [InlineData(0, 0, "In diesem Schritt kam kein Beitrag zusammen.", "This step produced no contributions.")]
    [InlineData(1, 1, "1 Beitrag in diesem Schritt.", "1 contribution in this step.")]
    [InlineData(3, 1, "3 Beiträge in diesem Schritt, alle von einer Person.", "3 contributions in this step, all from one person.")]
    [InlineData(3, 2, "3 Beiträge in diesem Schritt, von 2 Personen.", "3 contributions in this step, from 2 people.")]
    public void The_count_line_has_singular_and_plural(int contributions, int people, string german, string english)
    {
        var workshop = Workshop.Open("w1", "team", "Verwaltung", "19:channel", Klaus, null, Now);
        var items = Enumerable.Range(1, contributions)
            .Select(n => Contribution.Create("w1", n, WorkshopStep.StatusQuo, n <= contributions - people + 1 ? Klaus : Sabine, $"Beitrag {n}", Now))
            .ToList();

        Assert.Equal(german, CountLine(workshop, items, BotCulture.German));
        Assert.Equal(english, CountLine(workshop, items, BotCulture.English));
    }

    private static string? CountLine(Workshop workshop, List<Contribution> items, System.Globalization.CultureInfo culture) =>
        (ReflectionCard.Render(workshop, WorkshopStep.StatusQuo, items, new Texts(culture)).Body[1] as TextBlock)?.Text;
}
