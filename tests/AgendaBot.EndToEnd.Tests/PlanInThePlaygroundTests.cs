using System.Text.Json.Nodes;
using AgendaBot.Domain.Agendas;
using AgendaBot.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgendaBot.EndToEnd.Tests;

/// <summary>
/// Issue 6, "done when": in the Playground a plan made in step 6 appears as a summary with its timeline in the channel,
/// its owner reports progress from her personal chat (the summary changes in place), and the next scheduled run delivers
/// the weekly status post to the project lead's personal chat, in German. Anna Schulz, the Playground's one typist, is
/// project lead, moderator and owner; Klaus Meier takes part by clicking.
/// </summary>
public sealed class PlanInThePlaygroundTests(TeamsPlayground teams) : IClassFixture<TeamsPlayground>
{
    private const string Summary = "Zeit-Maßnahmen-Plan: Digitale Agenda Hagenow";
    private const string Measure = "WLAN-Zugang im Bürgerbüro einrichten";

    private readonly ChannelTranscript channel = new(teams);
    private WorkshopScene scene = null!;

    [Fact]
    public async Task A_plan_from_step_six_is_summarised_in_the_channel_updated_by_its_owner_and_reported_weekly_to_the_lead()
    {
        await teams.InstallAsync(teams.PersonalChat);
        scene = await WorkshopScene.OpenAsync(teams, channel);
        await scene.ReachStepSixAsync([Measure]);

        var summary = await PlanTheMeasureAsync();
        var since = scene.Mark();
        await AnnaReportsProgressFromHerPersonalChatAsync();
        var updated = await channel.WaitForAsync(scene.WorkshopThread, since,
            m => m.Action == BotMessage.Updated && m.MessageId == summary.MessageId
                && CardLines.Of(m.Card).Contains("verantwortlich: Anna Schulz · 01.01.2027 bis 30.06.2027 · in Arbeit, 40 %"),
            "the plan summary updated in place");
        Assert.Equal(Summary, CardLines.First(updated.Card));
        Assert.Single(channel.In(scene.WorkshopThread), m => m.Action == BotMessage.Created && CardLines.First(m.Card) == Summary);

        await TheNextScheduledRunReportsToTheLeadAsync();
    }

    private async Task<BotMessage> PlanTheMeasureAsync()
    {
        var since = scene.Mark();
        await scene.PlanMeasureAsync(scene.Anna, "Anna Schulz",
            new()
            {
                ["measure"] = "1", ["start"] = "2027-01-01", ["end"] = "2027-06-30",
                ["milestoneRow_0_date"] = "2027-03-31", ["milestoneRow_0_title"] = "Router installiert",
                ["indicatorRow_0_name"] = "Verfügbarkeit", ["indicatorRow_0_unit"] = "Prozent", ["indicatorRow_0_baseline"] = "0", ["indicatorRow_0_target"] = "99",
            },
            $"Die Maßnahme „{Measure}“ ist im Zeit-Maßnahmen-Plan (Beitrag #2).",
            $"#2  Plan: {Measure} · verantwortlich: Anna Schulz · 01.01.2027 bis 30.06.2027 · 0 Arbeitspakete, 1 Meilenstein, 1 Indikator  – Anna Schulz");

        var summary = await channel.WaitForAsync(scene.WorkshopThread, since,
            m => m.Action == BotMessage.Created && CardLines.First(m.Card) == Summary, "the plan summary");
        var lines = CardLines.Of(summary.Card);
        Assert.Equal("Entwurf", lines[2]);
        Assert.Equal($"1. {Measure}", lines[3]);
        Assert.Equal("verantwortlich: Anna Schulz · 01.01.2027 bis 30.06.2027 · geplant, 0 %", lines[4]);

        // The timeline: a picture Teams can fetch from the bot (or carried in the card when small).
        var url = summary.Card!["body"]!.AsArray().Single(e => e?["type"]?.GetValue<string>() == "Image")!["url"]!.GetValue<string>();
        var png = url.StartsWith("data:image/png;base64,", StringComparison.Ordinal)
            ? Convert.FromBase64String(url["data:image/png;base64,".Length..])
            : await teams.BotHttp.GetByteArrayAsync(new Uri(url));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return summary;
    }

    private async Task AnnaReportsProgressFromHerPersonalChatAsync()
    {
        var list = await teams.SayAsync(teams.PersonalChat, "maßnahmen");
        Assert.Equal("Ihre Maßnahmen", CardLines.First(list.Card));
        Assert.Contains(Measure, CardLines.Of(list.Card));
        var open = list.Card!["body"]!.AsArray().Last()!["actions"]![0]!;

        var card = await teams.Api.ExecuteAsync(teams.PersonalChat, list.MessageId, "measure.open", open["data"]!.DeepClone().AsObject(), scene.Anna.Id);
        var form = card["value"]!;
        Assert.Equal($"Stand melden: {Measure}", CardLines.Of(form).First(l => l.StartsWith("Stand melden", StringComparison.Ordinal)));
        Assert.Equal(["indicator0", "progress", "responsibleUnit", "status"], CardLines.InputIds(form).Order(StringComparer.Ordinal));

        var data = form["actions"]![0]!["data"]!.DeepClone().AsObject();
        data["status"] = "InProgress";
        data["progress"] = "40";
        data["indicator0"] = "80";
        // Teams sends every input, an empty text too: no unit given.
        data["responsibleUnit"] = "";
        var saved = await teams.Api.ExecuteAsync(teams.PersonalChat, list.MessageId, "measure.update", data, scene.Anna.Id);
        // The card Anna clicked now shows what is stored, and says it was saved.
        var now = CardLines.Of(saved["value"]);
        Assert.Equal($"Der Stand von „{Measure}“ ist gespeichert: in Arbeit, 40 %.", now[0]);
        Assert.Contains(now, line => line.Contains("jetzt: in Arbeit, 40 %", StringComparison.Ordinal));
    }

    private async Task TheNextScheduledRunReportsToTheLeadAsync()
    {
        Assert.True(WeeklyOccurrences.TryCreate(WeeklySchedule.Default, out var occurrences, out _));
        var nextMonday = occurrences!.NextAfter(DateTimeOffset.UtcNow)!.Value;
        var scheduler = teams.BotServices.GetServices<IHostedService>().OfType<WeeklyPostScheduler>().Single();
        teams.DiscardUnread(teams.PersonalChat);

        await scheduler.RunDueAsync(nextMonday.AddMinutes(1), default);

        BotMessage post;
        do
        {
            post = await teams.NextMessageAsync(teams.PersonalChat, TimeSpan.FromSeconds(30));
        }
        while (CardLines.First(post.Card)?.StartsWith("Wochenstand", StringComparison.Ordinal) != true);

        var lines = CardLines.Of(post.Card);
        Assert.Equal("Wochenstand der Maßnahmen: Digitale Agenda Hagenow", lines[0]);
        Assert.Equal("de", post.CardLanguage);
        Assert.Contains("Stand: 1 in Arbeit", lines);
        Assert.Contains($"• {Measure} – Status: geplant → in Arbeit (Anna Schulz)", lines);
        Assert.Contains($"• {Measure} – Fortschritt: 0 % → 40 % (Anna Schulz)", lines);
    }
}
