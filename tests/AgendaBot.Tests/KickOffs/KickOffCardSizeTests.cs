using System.Globalization;
using System.Text.Json;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Posting;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Features.KickOffs;
using AgendaBot.Protocol;

namespace AgendaBot.Tests.KickOffs;

/// <summary>The kick-off card with the most it shows still fits into one Teams message.</summary>
public sealed class KickOffCardSizeTests
{
    /// <summary>Teams refuses larger messages (platform notes: keep a message under about 28 KB of JSON).</summary>
    private const int TeamsMessageLimitBytes = 28_000;

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    // German as people write it, umlauts included (each is sent escaped, six bytes), to every text's full length.
    private static string German(int length) =>
        string.Concat(Enumerable.Repeat("Bürgerbüro und Rathaus gemeinsam digital gestalten; ", (length / 50) + 1))[..length];

    [Fact]
    public void A_kick_off_with_many_long_ideas_fits_into_one_message()
    {
        var texts = new Texts(new CultureInfo("de-DE"));
        var fields = Enumerable.Range(1, TextLimits.FieldsOfAction).Select(i => $"{i} " + German(TextLimits.Title - 3)).ToList();
        var agenda = Agenda.Create("agenda-1", German(TextLimits.Title), new TeamsUser("lead", "Petra Hoffmann"), fields, null, null, Now);
        // Teams join links are long (about 300 characters).
        var kickOff = fields.Aggregate(KickOff.Open(agenda, German(TextLimits.ContributionText), fields.ToDictionary(f => f, _ => new DateOnly(2027, 2, 10)), Now),
            (k, f) => k.WithMeeting(f, new Uri("https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + new string('x', 250))));
        var members = Enumerable.Range(0, 200).Select(i => new KickOffMember(new TeamsUser($"u{i}", $"Person {i}"), (StakeholderGroup)(i % 6), Now)).ToList();
        var ideas = Enumerable.Range(0, 40).Select(i =>
            KickOffIdea.Submit($"idea-{i:D3}", new TeamsUser($"u{i}", "Maximilian Mustermann-Schönfeld"), $"{i} " + German(TextLimits.ContributionText - 4),
                null, agenda, Now)).ToList();

        var card = KickOffCards.Board(agenda, kickOff, members, ideas, texts, texts[TextKey.KickOffIdeaAdded]);

        var bytes = JsonSerializer.SerializeToUtf8Bytes(Poster.Message(card, texts, "19:kanal@thread.tacv2"), ProtocolJson.Context.Activity);
        Assert.True(bytes.Length < TeamsMessageLimitBytes, $"The kick-off card message is {bytes.Length} bytes.");
    }
}
