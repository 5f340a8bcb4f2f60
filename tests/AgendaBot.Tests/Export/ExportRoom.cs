using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AgendaBot.Testing;
using System.Text.Json.Nodes;
using AgendaBot.Tests.Voting;
using AgendaBot.Tests.Workshops;
using static AgendaBot.Tests.Voting.VotingRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Export;

/// <summary>A download from the export card: the bytes and the headers that say what they are.</summary>
internal sealed record Download(int Status, string? ContentType, ContentDispositionHeaderValue? Disposition, string? CacheControl, byte[] Bytes);

/// <summary>
/// A workshop that went through all six steps: contributions (one of them a formula), a named star vote, a goal in
/// step 4, a measure proposal in step 5 and its plan in step 6.
/// </summary>
internal static class ExportRoom
{
    public const string Formula = "=HYPERLINK(\"http://evil.example\";\"Details\")";
    public const string Goal = "Alle Verwaltungsleistungen sind bis 2028 online";
    public const string MeasureTitle = "Online-Terminvergabe im Bürgerbüro";

    public static async Task<string> PrepareAsync(WorkshopRoom room)
    {
        var workshop = await VotingRoom.PrepareAsync(room);
        await room.ContributeAsync(Klaus, workshop, 1, Formula);
        var round = await StartAsync(room, workshop);
        await StarsAsync(room, Anna, workshop, round, (1, 5), (2, 3), (3, 1));
        await StarsAsync(room, Klaus, workshop, round, (1, 4), (2, 2), (3, 2));
        await room.ClickAsync(Lead, "vote.close", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round });
        for (var step = 1; step <= 5; step++)
        {
            if (step == 4)
            {
                await room.ContributeAsync(Anna, workshop, 4, Goal);
            }

            if (step == 5)
            {
                await room.ContributeAsync(Sabine, workshop, 5, MeasureTitle);
            }

            await room.ClickAsync(Lead, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = step });
            await room.ClickAsync(Lead, "step.advance", new JsonObject { ["workshopId"] = workshop, ["step"] = step });
        }

        await room.ClickAsync(Lead, "plan.save", new JsonObject
        {
            ["workshopId"] = workshop, ["step"] = 6, ["measure"] = "6", ["owner"] = "aad-anna",
            ["start"] = "2027-01-15", ["end"] = "2027-12-31", ["budgetYear"] = "true",
        }.WithWorkPackages("Anbieter auswählen", "Mitarbeitende schulen")
            .WithMilestones(("2027-03-31", "Ausschreibung"), ("2027-09-30", "Start"))
            .WithIndicators(("Online gebuchte Termine", "Prozent", "0", "60")));
        return workshop;
    }

    /// <summary>
    /// "exportieren" from <paramref name="from"/>, then waits until the export is made outside the turn (the job is
    /// gone from storage) — the card is complete then.
    /// </summary>
    public static async Task ExportAsync(WorkshopRoom room, Person from, string? conversationId = null, bool inPersonalChat = false)
    {
        if (inPersonalChat)
        {
            await SayInPersonalChatAsync(room, from, "exportieren");
        }
        else if (conversationId is null)
        {
            await room.SayAsync(from, "exportieren");
        }
        else
        {
            await room.SayAsync(from, "exportieren", conversationId);
        }

        await ExportsMadeAsync(room);
    }

    /// <summary>Waits until no export job of the room's tenant is left (made, or given up).</summary>
    public static async Task ExportsMadeAsync(WorkshopRoom room)
    {
        var jobs = room.Bot.Services.GetRequiredService<AgendaBot.Storage.Exports.ExportJobs>();
        // Generous: a first LibreOffice start on a busy two-core machine takes half a minute.
        var until = DateTimeOffset.UtcNow.AddMinutes(5);
        while ((await jobs.DueAsync(DateTimeOffset.MaxValue)).Any(j => j.Tenant.TenantId == room.TenantId))
        {
            if (DateTimeOffset.UtcNow > until)
            {
                throw new Xunit.Sdk.XunitException("The export was not made within 5 minutes.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The latest export card the bot sent, or null.</summary>
    public static JsonNode? ExportCard(WorkshopRoom room) =>
        room.Connector.Calls.Select(c => c.Card).LastOrDefault(c => c?["actions"] is JsonArray actions
            && actions.Any(a => a?["type"]?.GetValue<string>() == "Action.OpenUrl" && a["url"]!.GetValue<string>().Contains("/exports/", StringComparison.Ordinal)));

    /// <summary>The link of the export card's button with this title, or null when there is no such button.</summary>
    public static string? Link(JsonNode card, string title) =>
        card["actions"]!.AsArray().FirstOrDefault(a => a?["title"]?.GetValue<string>() == title)?["url"]?.GetValue<string>();

    /// <summary>A message to the bot in the person's 1:1 chat with it.</summary>
    public static async Task SayInPersonalChatAsync(WorkshopRoom room, Person from, string text)
    {
        var activity = TeamsActivities.Message(room.Connector.ServiceUrl, text, conversationId: $"a:{from.AadObjectId}-personal", fromId: from.ChannelAccountId);
        activity["from"] = new JsonObject { ["id"] = from.ChannelAccountId, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId };
        activity["conversation"]!["tenantId"] = room.TenantId;
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = room.TenantId } };
        await room.Bot.Http.PostAsJsonAsync("api/messages", activity);
    }

    public static async Task<Download> DownloadAsync(WorkshopRoom room, string url)
    {
        using var response = await room.Bot.Http.GetAsync(new Uri(url));
        return new Download((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(),
            response.Content.Headers.ContentDisposition, response.Headers.CacheControl?.ToString(),
            await response.Content.ReadAsByteArrayAsync());
    }
}
