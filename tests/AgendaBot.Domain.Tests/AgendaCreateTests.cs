using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;

namespace AgendaBot.Domain.Tests;

public sealed class AgendaCreateTests
{
    [Fact]
    public void Without_fields_of_action_the_three_defaults_are_used()
    {
        var agenda = Create(fields: null);

        Assert.Equal(["Verwaltung", "Tourismus/Mobilität", "Einzelhandel/Gewerbe"], agenda.FieldsOfAction);
    }

    [Fact]
    public void An_empty_list_of_fields_of_action_also_gives_the_defaults()
    {
        Assert.Equal(Agenda.DefaultFieldsOfAction, Create(fields: []).FieldsOfAction);
    }

    [Fact]
    public void Given_fields_of_action_are_trimmed_and_duplicates_removed()
    {
        var agenda = Create(fields: ["Bildung", " bildung ", "Gesundheit", "BILDUNG"]);

        Assert.Equal(["Bildung", "Gesundheit"], agenda.FieldsOfAction);
    }

    [Theory]
    [InlineData("**Verwaltung**")]
    [InlineData("[Klick](https://evil.example)")]
    [InlineData("<b>Verwaltung</b>")]
    [InlineData("# Verwaltung")]
    public void A_field_of_action_with_markdown_or_html_is_refused_because_it_heads_cards(string field)
    {
        var error = Assert.Throws<DomainException>(() => Create(fields: ["Bildung", field]));

        Assert.Equal(DomainErrorCode.InvalidValue, error.Code);
    }

    [Fact]
    public void A_field_of_action_with_slash_ampersand_and_parentheses_is_fine()
    {
        Assert.Equal(["E-Government (intern)", "IT & Schule/Bildung"], Create(fields: ["E-Government (intern)", "IT & Schule/Bildung"]).FieldsOfAction);
    }

    [Fact]
    public void More_fields_of_action_than_allowed_are_refused()
    {
        var fields = Enumerable.Range(1, TextLimits.FieldsOfAction + 1).Select(i => $"Feld {i}").ToList();

        var error = Assert.Throws<DomainException>(() => Create(fields));

        Assert.Equal(DomainErrorCode.TooManyItems, error.Code);
        Assert.Equal(TextLimits.FieldsOfAction, error.Limit);
    }

    [Fact]
    public void Duplicates_do_not_count_against_the_limit()
    {
        var fields = Enumerable.Range(1, TextLimits.FieldsOfAction).Select(i => $"Feld {i}").Append("feld 1").ToList();

        Assert.Equal(TextLimits.FieldsOfAction, Create(fields).FieldsOfAction.Count);
    }

    [Fact]
    public void The_weekly_status_goes_out_on_monday_at_eight_berlin_time_by_default()
    {
        Assert.Equal(new WeeklySchedule("0 8 * * 1", "Europe/Berlin"), Create(fields: null).Schedule);
    }

    [Fact]
    public void An_agenda_without_a_title_is_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            Agenda.Create("agenda-1", " ", Given.Alice, null, null, null, Given.Now));

        Assert.Equal(DomainErrorCode.TextMissing, error.Code);
        Assert.Equal("title", error.Subject);
    }

    private static Agenda Create(IReadOnlyList<string>? fields) =>
        Agenda.Create("agenda-1", "Digitale Agenda Hagenow", Given.Alice, fields, statusConversationId: null, schedule: null, Given.Now);
}
