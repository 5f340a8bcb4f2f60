using System.Text.Json.Nodes;
using AgendaBot.Storage;
using AgendaBot.Storage.Workshops;
using Microsoft.Extensions.DependencyInjection;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Workshops;

/// <summary>
/// What everyone in a workshop sees stays in its channel, whatever is done from a personal chat. The people acting
/// from their personal chat have registered, so the bot takes the workshop there as theirs.
/// </summary>
public sealed class WorkshopPlaceTests
{
    // The step controls post the reflection and the next step's card where they are clicked. The step card is never
    // sent to a personal chat: a click from one is a forged invoke.
    [Theory]
    [InlineData("step.close", false)]
    [InlineData("step.advance", true)]
    [InlineData("step.reopen", true)]
    public async Task A_step_control_from_a_personal_chat_is_refused_and_changes_and_posts_nothing(string verb, bool closedBefore)
    {
        await using var room = await WorkshopRoom.OpenAsync();
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Lead, workshop, "PublicAdministration");
        if (closedBefore)
        {
            await room.ClickAsync(Lead, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 });
        }

        var workshops = room.Bot.Services.GetRequiredService<WorkshopRepository>();
        var stored = (await workshops.GetAsync(new TenantScope(room.TenantId), workshop))!;
        var calls = room.Connector.Calls.Count;

        var answer = await room.ClickPersonallyAsync(Lead, verb, new JsonObject { ["workshopId"] = workshop, ["step"] = 1 });

        Assert.Equal(
            "Schritte schließen, wechseln und wieder öffnen Sie im Kanal oder Gruppenchat des Workshops: dort sehen alle Teilnehmenden, wo der Workshop steht.",
            answer["value"]?.GetValue<string>());
        Assert.Empty(room.Connector.Calls.Skip(calls));
        var after = (await workshops.GetAsync(new TenantScope(room.TenantId), workshop))!;
        Assert.Equal(stored.ETag, after.ETag);
    }

    [Fact]
    public async Task A_contribution_from_a_personal_chat_posts_a_missing_pinboard_in_the_channel_not_in_the_chat()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop, "Universities");
        // The first pinboard post, when the workshop was opened, never got through.
        var workshops = room.Bot.Services.GetRequiredService<WorkshopRepository>();
        var stored = (await workshops.GetAsync(new TenantScope(room.TenantId), workshop))!;
        await workshops.UpdateAsync(new TenantScope(room.TenantId), stored with { Value = stored.Value with { Pinboard = Domain.Workshops.Pinboard.None } });
        var calls = room.Connector.Calls.Count;

        await room.SayPersonallyAsync(Anna, "idee WLAN im Rathaus");
        await room.PinboardSettledAsync();

        var pinboards = room.Connector.Calls.Skip(calls).Where(c => Texts(c.Card).FirstOrDefault()?.StartsWith("Pinnwand", StringComparison.Ordinal) == true).ToList();
        var posted = Assert.Single(pinboards);
        Assert.StartsWith($"/v3/conversations/{Uri.EscapeDataString(room.ChannelId)}/activities", posted.Path, StringComparison.Ordinal);
        Assert.Contains("WLAN im Rathaus", Texts(posted.Card));
        var remembered = (await workshops.GetAsync(new TenantScope(room.TenantId), workshop))!.Value.Pinboard;
        Assert.Equal(room.ChannelId, remembered.ConversationId);
    }
}
