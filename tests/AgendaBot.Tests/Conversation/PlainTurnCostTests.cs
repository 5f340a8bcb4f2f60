using System.Net.Http.Json;
using AgendaBot.Domain.People;
using AgendaBot.Storage.Conversations;
using AgendaBot.Testing;
using AgendaBot.Tests.Telemetry;
using AgendaBot.Tests.Workshops;
using Microsoft.Extensions.DependencyInjection;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Conversation;

/// <summary>
/// A plain turn ("hilfe" in the personal chat) needs nothing from storage: the language the chat is remembered in is
/// read once and then trusted for a while (issue 18). A change of language is still stored at once.
/// </summary>
public sealed class PlainTurnCostTests
{
    [Fact]
    public async Task Help_in_a_known_personal_chat_reads_no_storage_the_second_time()
    {
        var captured = new CapturedTelemetry();
        await using var room = await WorkshopRoom.OpenAsync(services: captured.AddTo);
        await RememberChatAsync(room, Anna);

        await SayAsync(room, Anna, "hilfe", "help-1", "de-DE");
        await SayAsync(room, Anna, "hilfe", "help-2", "de-DE");

        Assert.Equal(0, captured.TraceOf("help-2").Count(s => s.Source.Name == "Azure.Core.Http"));
    }

    [Fact]
    public async Task A_new_language_is_stored_at_once_even_when_the_old_one_was_remembered()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        await RememberChatAsync(room, Anna);
        await SayAsync(room, Anna, "hilfe", "help-de", "de-DE");

        await SayAsync(room, Anna, "help", "help-en", "en-GB");

        var stored = await room.Bot.Services.GetRequiredService<ConversationReferenceRepository>()
            .GetAsync(new(room.TenantId), PersonalChatOf(Anna));
        Assert.Equal("en", stored!.Language);
    }

    private static Task RememberChatAsync(WorkshopRoom room, Person person) =>
        room.Bot.Services.GetRequiredService<ConversationReferenceRepository>().SaveAsync(new ConversationReference(room.TenantId,
            PersonalChatOf(person), room.Connector.ServiceUrl, TeamsActivities.BotId, "personal", null, null, person.AadObjectId, DateTimeOffset.UtcNow));

    private static async Task SayAsync(WorkshopRoom room, Person person, string text, string activityId, string locale)
    {
        var activity = room.PersonalActivity(person, "message");
        activity["text"] = text;
        activity["id"] = activityId;
        activity["locale"] = locale;
        var before = room.Connector.Calls.Count;
        (await room.Bot.Http.PostAsJsonAsync("api/messages", activity)).EnsureSuccessStatusCode();
        await room.Connector.WaitForCallsAsync(before + 1);
    }
}
