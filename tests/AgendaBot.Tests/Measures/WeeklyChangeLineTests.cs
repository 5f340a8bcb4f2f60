using System.Globalization;
using System.Text.RegularExpressions;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Storage;
using AgendaBot.Storage.Measures;
using AgendaBot.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Tests.Measures;

/// <summary>
/// "What changed since last week" in the Monday post reads like the rest of the card: the changes are stored by the real
/// repository (Azurite) and rendered from its history rows.
/// </summary>
public sealed partial class WeeklyChangeLineTests : IAsyncLifetime
{
    private const string AgendaId = "agenda-hagenow";
    private static readonly TeamsUser Lead = new("aad-petra", "Petra Lange");
    private static readonly TeamsUser Owner = new("aad-omar", "Omar Demir");
    private static readonly Texts German = new(BotCulture.German);
    private static readonly Texts English = new(BotCulture.English);

    private readonly TenantScope tenant = new($"tenant-{Guid.NewGuid():N}");
    private readonly DateTimeOffset now = DateTimeOffset.UtcNow;
    private BotServer bot = null!;

    private MeasureRepository Measures => bot.Services.GetRequiredService<MeasureRepository>();

    public Task InitializeAsync()
    {
        bot = new BotServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_status_change_reads_in_German_in_the_weekly_post()
    {
        await ChangeAsync(m => m with { Status = MeasureStatus.InProgress, Progress = 60 });

        var lines = await LinesAsync(German);

        Assert.Contains("• Online-Terminvergabe – Status: geplant → in Arbeit (Omar Demir)", lines);
        Assert.Contains("• Online-Terminvergabe – Fortschritt: 40 % → 60 % (Omar Demir)", lines);
    }

    [Fact]
    public async Task A_status_change_reads_in_English_in_the_weekly_post()
    {
        await ChangeAsync(m => m with { Status = MeasureStatus.Delayed, Progress = 60 });

        var lines = await LinesAsync(English);

        Assert.Contains("• Online-Terminvergabe – status: planned → delayed (Omar Demir)", lines);
        Assert.Contains("• Online-Terminvergabe – progress: 40% → 60% (Omar Demir)", lines);
    }

    [Fact]
    public async Task Milestones_read_as_their_title_and_date()
    {
        await ChangeAsync(m => m with
        {
            Milestones =
            [
                new Milestone("Ausschreibung", new DateOnly(2027, 2, 1), Done: true),
                new Milestone("Vergabe", new DateOnly(2027, 4, 15)),
                new Milestone("Start im Bürgerbüro", new DateOnly(2027, 6, 1)),
            ],
        });

        var german = Assert.Single(await LinesAsync(German), l => l.Contains("Meilenstein", StringComparison.Ordinal));
        var english = Assert.Single(await LinesAsync(English), l => l.Contains("milestone", StringComparison.Ordinal));

        Assert.Equal("• Online-Terminvergabe – Meilenstein „Ausschreibung“ erreicht; Meilenstein „Vergabe“ verschoben: 01.04.2027 → "
            + "15.04.2027; Meilenstein „Start im Bürgerbüro“ (fällig 01.06.2027) neu; Meilenstein „Pilotphase“ gestrichen (Omar Demir)", german);
        Assert.Equal("• Online-Terminvergabe – milestone “Ausschreibung” reached; milestone “Vergabe” moved: 01/04/2027 → 15/04/2027; "
            + "milestone “Start im Bürgerbüro” (due 01/06/2027) added; milestone “Pilotphase” removed (Omar Demir)", english);
    }

    [Fact]
    public async Task Indicator_values_read_with_their_unit_in_the_readers_number_format()
    {
        await ChangeAsync(m => m with { Indicators = [m.Indicators[0] with { Current = 12.5 }] });

        Assert.Contains("• Online-Terminvergabe – Indikator „Online-Termine je Woche“: 4 Termine → 12,5 Termine (Omar Demir)", await LinesAsync(German));
        Assert.Contains("• Online-Terminvergabe – indicator “Online-Termine je Woche”: 4 Termine → 12.5 Termine (Omar Demir)", await LinesAsync(English));
    }

    [Fact]
    public async Task A_new_owner_reads_as_names_and_a_new_end_as_a_date()
    {
        await ChangeAsync(m => m with { Progress = 50 });
        await ChangeAsync(m => m with { Owner = Lead, End = new DateOnly(2027, 12, 31) }, by: Lead);

        var lines = await LinesAsync(German);

        Assert.Contains("• Online-Terminvergabe – verantwortlich: Omar Demir → Petra Lange (Petra Lange)", lines);
        Assert.Contains("• Online-Terminvergabe – Ende: 30.09.2027 → 31.12.2027 (Petra Lange)", lines);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("en-GB")]
    public async Task No_change_line_shows_JSON_an_enum_name_or_a_user_id(string culture)
    {
        var texts = new Texts(new CultureInfo(culture));
        await ChangeAsync(m => m with
        {
            Title = "Online-Terminvergabe im Bürgerbüro",
            Description = "Termine für Pass und Ausweis online buchen.",
            Status = MeasureStatus.Done,
            Progress = 100,
            Priority = 2,
            NextBudgetYear = true,
        });
        var firstWeek = await LinesAsync(texts);
        // A week later, so that the section's ten lines hold every change of that week.
        var nextWeek = now.AddDays(8);
        await ChangeAsync(m => m with
        {
            Owner = new TeamsUser("aad-unknown", "Unbekannt"),
            Start = new DateOnly(2027, 2, 1),
            WorkPackages = ["Anbieter wählen", "Schulung"],
            Milestones = [m.Milestones[0] with { Done = true }],
            Indicators = [m.Indicators[0] with { Current = 20, Target = 25 }, new Indicator("Wartezeit", "Minuten", 30, 10)],
        }, Lead, nextWeek);
        var secondWeek = await LinesAsync(texts, nextWeek);

        Assert.Equal(7, firstWeek.Count);
        Assert.Equal(5, secondWeek.Count);
        Assert.All(firstWeek.Concat(secondWeek), line =>
        {
            Assert.DoesNotContain("{", line, StringComparison.Ordinal);
            Assert.DoesNotContain("[", line, StringComparison.Ordinal);
            Assert.DoesNotContain("aad-", line, StringComparison.Ordinal);
            Assert.False(RawValue().IsMatch(line), line);
            Assert.DoesNotContain(Enum.GetNames<MeasureStatus>(), name => Regex.IsMatch(line, $@"\b{name}\b"));
        });
    }

    private async Task ChangeAsync(Func<Measure, Measure> change, TeamsUser? by = null, DateTimeOffset? at = null)
    {
        var stored = await Measures.GetAsync(tenant, AgendaId, "m1") ?? await Measures.CreateAsync(tenant, new Measure
        {
            Id = "m1",
            AgendaId = AgendaId,
            Title = "Online-Terminvergabe",
            Owner = Owner,
            Progress = 40,
            Start = new DateOnly(2027, 1, 1),
            End = new DateOnly(2027, 9, 30),
            WorkPackages = ["Anbieter wählen"],
            Milestones = [new("Ausschreibung", new DateOnly(2027, 2, 1)), new("Vergabe", new DateOnly(2027, 4, 1)), new("Pilotphase", new DateOnly(2027, 5, 1))],
            Indicators = [new Indicator("Online-Termine je Woche", "Termine", 0, 50, 4)],
        }, Lead, now);
        await Measures.UpdateAsync(tenant, stored, change(stored.Value), by ?? Owner, at ?? now);
    }

    /// <summary>The lines under "what changed since last week" of the post made just after <paramref name="week"/> (default: now).</summary>
    private Task<List<string>> LinesAsync(Texts texts, DateTimeOffset? week = null) =>
        WeeklyChangedSection.LinesAsync(Measures, tenant, AgendaId, (week ?? now).AddMinutes(1), texts);

    // A stored field name, an ISO date or a True/False as stored: none of them belongs in a line.
    [GeneratedRegex(@"\b(workPackages|nextBudgetYear|True|False|\d{4}-\d{2}-\d{2})\b")]
    private static partial Regex RawValue();
}
