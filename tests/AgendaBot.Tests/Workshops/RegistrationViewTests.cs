using System.Text.Json.Nodes;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Workshops;

/// <summary>
/// The registration card shows each person their own registration, lets them change their group, and the message
/// everyone sees follows every registration — in Teams an answer to a click replaces the card for the clicker only.
/// </summary>
public sealed class RegistrationViewTests : IAsyncLifetime
{
    private WorkshopRoom room = null!;
    private string workshop = null!;

    public async Task InitializeAsync()
    {
        room = await WorkshopRoom.OpenAsync();
        workshop = await room.SetUpWorkshopAsync();
    }

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task Who_registers_sees_their_registration_and_can_change_their_group()
    {
        var registered = await room.RegisterAsync(Anna, workshop, "Universities");

        var mine = registered["value"]!;
        Assert.Equal("Sie sind angemeldet für „Hochschulen“.", Texts(mine).ElementAt(1));
        Assert.Equal("Universities", GroupChoice(mine));
        Assert.Equal(["Gruppe ändern"], Buttons(mine));
    }

    [Fact]
    public async Task Changing_the_group_moves_the_person_says_so_and_keeps_one_seat()
    {
        await room.RegisterAsync(Anna, workshop, "Citizens");

        var changed = (await room.RegisterAsync(Anna, workshop, "Companies"))["value"]!;

        Assert.Contains("Ihre Gruppe ist geändert. Sie sind jetzt für „Unternehmen“ angemeldet.", Texts(changed));
        Assert.Contains("1 von 15 Plätzen belegt.", Texts(changed));
        Assert.Contains("Unternehmen: \nAnna Schulz", string.Join("\n", Texts(changed)), StringComparison.Ordinal);
        Assert.DoesNotContain("Bürgerinnen und Bürger: ", string.Join("\n", Texts(changed)), StringComparison.Ordinal);
        Assert.Equal("Companies", GroupChoice(changed));
        await room.RegistrationCardsSettledAsync();
        var everyone = room.LatestUpdateOf((await room.StoredWorkshopAsync(workshop)).RegistrationCard!.ActivityId)!;
        Assert.Contains("Unternehmen: \nAnna Schulz", string.Join("\n", Texts(everyone)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_message_everyone_sees_follows_each_registration_without_anyones_own_view()
    {
        await room.RegisterAsync(Anna, workshop, "Universities");
        await room.RegisterAsync(Klaus, workshop, "Companies");
        await room.RegistrationCardsSettledAsync();

        var posted = (await room.StoredWorkshopAsync(workshop)).RegistrationCard!;
        var everyone = room.LatestUpdateOf(posted.ActivityId)!;
        var text = string.Join("\n", Texts(everyone));
        Assert.Contains("2 von 15 Plätzen belegt.", text, StringComparison.Ordinal);
        Assert.Contains("Hochschulen: \nAnna Schulz", text, StringComparison.Ordinal);
        Assert.Contains("Unternehmen: \nKlaus Meier", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sie sind angemeldet", text, StringComparison.Ordinal);
        Assert.Null(GroupChoice(everyone));
        Assert.Equal(["Anmelden"], Buttons(everyone));
    }

    [Fact]
    public async Task A_burst_of_registrations_ends_with_everyone_on_the_shared_message()
    {
        await Task.WhenAll(new[] { Anna, Klaus, Sabine, Lead }.Select(p => room.RegisterAsync(p, workshop, "Citizens")));
        await room.RegistrationCardsSettledAsync();

        var everyone = room.LatestUpdateOf((await room.StoredWorkshopAsync(workshop)).RegistrationCard!.ActivityId)!;
        Assert.Contains("4 von 15 Plätzen belegt.", Texts(everyone));
    }

    [Fact]
    public async Task Teams_shows_each_registered_person_their_own_view_and_others_the_shared_card()
    {
        await room.RegisterAsync(Anna, workshop, "Universities");
        await room.RegistrationCardsSettledAsync();
        var everyone = room.LatestUpdateOf((await room.StoredWorkshopAsync(workshop)).RegistrationCard!.ActivityId)!;

        var annaSees = await room.SeenByAsync(Anna, everyone);
        var klausSees = await room.SeenByAsync(Klaus, everyone);

        Assert.Equal([Anna.ChannelAccountId], everyone["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Contains("Sie sind angemeldet für „Hochschulen“.", Texts(annaSees));
        Assert.Equal(["Gruppe ändern"], Buttons(annaSees));
        Assert.DoesNotContain("Sie sind angemeldet für „Hochschulen“.", Texts(klausSees));
        Assert.Equal(["Anmelden"], Buttons(klausSees));
    }

    private static string? GroupChoice(JsonNode card) =>
        card["body"]!.AsArray().Single(e => e?["type"]?.GetValue<string>() == "Input.ChoiceSet")!["value"]?.GetValue<string>();

    private static List<string> Buttons(JsonNode card) =>
        card["actions"]?.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToList() ?? [];
}
