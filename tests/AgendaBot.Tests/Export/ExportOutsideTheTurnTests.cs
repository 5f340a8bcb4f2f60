using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Features.Export;
using AgendaBot.Storage;
using AgendaBot.Storage.Exports;
using AgendaBot.Testing;
using AgendaBot.Tests.Workshops;
using Microsoft.Extensions.DependencyInjection;
using static AgendaBot.Tests.Export.ExportRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Export;

/// <summary>
/// "exportieren" answers at once with a card that says the files are being made; they are made outside the turn and
/// the same card shows them (issue 18): a redelivered message asks once, and a job whose maker died is made later.
/// </summary>
public sealed class ExportOutsideTheTurnTests
{
    [Fact]
    public async Task Export_answers_at_once_and_the_same_card_then_shows_the_files()
    {
        await using var room = await WorkshopRoom.OpenAsync(settings: new Dictionary<string, string?> { ["Export:SofficePath"] = "/nonexistent/soffice" });
        await PrepareAsync(room);

        await ExportAsync(room, Lead);

        var first = room.Connector.Calls.Single(c => c.Method == "POST" && c.Card is { } card
            && Texts(card).Contains("Die Dateien werden erstellt. Sobald sie fertig sind, erscheinen hier die Links zum Herunterladen – das dauert meist nur wenige Sekunden."));
        Assert.DoesNotContain(first.Card!["actions"]?.AsArray() ?? [], a => a?["type"]?.GetValue<string>() == "Action.OpenUrl");
        // The same message, updated in place: its path ends with the id of the activity the post created.
        var updates = room.Connector.Calls.Where(c => c.Method == "PUT" && Texts(c.Card).Any(t => t.StartsWith("Dateien zum Herunterladen", StringComparison.Ordinal))).ToList();
        var last = Assert.Single(updates);
        Assert.NotNull(Link(last.Card!, "Dokument (Word)"));
    }

    [Fact]
    public async Task The_same_message_delivered_twice_makes_one_export()
    {
        await using var room = await WorkshopRoom.OpenAsync(settings: new Dictionary<string, string?> { ["Export:SofficePath"] = "/nonexistent/soffice" });
        await PrepareAsync(room);
        var message = room.ChannelActivity(Lead, "message");
        message["id"] = "export-once";
        message["text"] = "<at>AgendaBot</at> exportieren";
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "AgendaBot" }, ["text"] = "<at>AgendaBot</at>",
        });

        await room.Bot.Http.PostAsJsonAsync("api/messages", message);
        await room.Bot.Http.PostAsJsonAsync("api/messages", message);
        await ExportsMadeAsync(room);

        Assert.Single(room.Connector.Calls, c => c.Method == "POST" && c.Card is { } card
            && Texts(card).Any(t => t.StartsWith("Die Dateien werden erstellt.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_job_whose_maker_died_before_posting_its_card_is_made_after_a_restart()
    {
        await using var room = await WorkshopRoom.OpenAsync(settings: new Dictionary<string, string?> { ["Export:SofficePath"] = "/nonexistent/soffice" });
        await PrepareAsync(room);
        var agenda = (await room.Bot.Services.GetRequiredService<AgendaBot.Storage.Agendas.AgendaRepository>().GetAllAsync(new TenantScope(room.TenantId))).Single();
        // What an instance that died right after storing the job leaves: a job, held for a card never posted.
        var jobs = room.Bot.Services.GetRequiredService<ExportJobs>();
        Assert.True(await jobs.AddAsync(new ExportJob(new TenantScope(room.TenantId), "died-after-storing", agenda.Id, null, "de-DE",
            room.Connector.ServiceUrl, "19:workshop@thread.tacv2", null, false, room.Bot.Http.BaseAddress!.AbsoluteUri,
            DateTimeOffset.UtcNow.AddMinutes(-5)), heldUntil: DateTimeOffset.UtcNow.AddSeconds(-1)));

        await using var restarted = room.Restarted();
        await restarted.Bot.Services.GetRequiredService<ExportJobWorker>().MakeDueAsync(CancellationToken.None);

        var card = ExportCard(restarted) ?? throw new Xunit.Sdk.XunitException("No export card was sent.");
        Assert.NotNull(Link(card, "Dokument (Word)"));
        Assert.DoesNotContain(await jobs.DueAsync(DateTimeOffset.MaxValue), j => j.Tenant.TenantId == room.TenantId);
    }
}
