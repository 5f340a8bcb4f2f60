using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Workshops;

public sealed class ModerationTests : IAsyncLifetime
{
    private WorkshopRoom room = null!;
    private string workshop = null!;

    public async Task InitializeAsync()
    {
        room = await WorkshopRoom.OpenAsync();
        workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        await room.RegisterAsync(Klaus, workshop);
        await room.ContributeAsync(Anna, workshop, 1, "Kein WLAN im Rathaus");
        await room.ContributeAsync(Klaus, workshop, 1, "WLAN fehlt im Rathaus");
    }

    public async Task DisposeAsync() => await room.DisposeAsync();

    private string LastText() => room.Connector.Calls.Last(c => c.Text is not null).Text!;

    [Fact]
    public async Task A_moderator_merges_a_duplicate_and_it_leaves_the_pinboard()
    {
        await room.SayAsync(Lead, "zusammenführen 2 in 1");

        Assert.Equal("Erledigt: Beitrag #2 ist geändert.", LastText());
        Assert.DoesNotContain("WLAN fehlt im Rathaus", await room.PinboardTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Kein WLAN im Rathaus", await room.PinboardTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_participant_cannot_merge()
    {
        await room.SayAsync(Anna, "zusammenführen 2 in 1");

        Assert.Equal("Das dürfen nur Moderatorinnen und Moderatoren oder die Projektleitung.", LastText());
        Assert.Contains("WLAN fehlt im Rathaus", await room.PinboardTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authors_edit_their_own_words_but_not_someone_elses()
    {
        await room.SayAsync(Anna, "bearbeiten 1 Kein WLAN im ganzen Rathaus");
        Assert.Contains("Kein WLAN im ganzen Rathaus", await room.PinboardTextAsync(), StringComparison.Ordinal);

        await room.SayAsync(Anna, "bearbeiten 2 Das ist nicht mein Beitrag");
        Assert.Equal("Das dürfen nur Moderatorinnen und Moderatoren oder die Projektleitung.", LastText());
        Assert.DoesNotContain("Das ist nicht mein Beitrag", await room.PinboardTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_moderator_hides_a_contribution()
    {
        await room.SayAsync(Lead, "ausblenden 2");

        Assert.DoesNotContain("WLAN fehlt im Rathaus", await room.PinboardTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_is_promoted_to_a_goal_and_both_are_linked()
    {
        for (var step = 1; step < 4; step++)
        {
            await room.ClickAsync(Lead, "step.close", new() { ["workshopId"] = workshop, ["step"] = step });
            await room.ClickAsync(Lead, "step.advance", new() { ["workshopId"] = workshop, ["step"] = step });
        }

        await room.SayAsync(Lead, "übernehmen 1");

        var pinboard = await room.PinboardTextAsync();
        Assert.Contains("übernommen als #3", pinboard, StringComparison.Ordinal);
        Assert.Contains("#3  ", pinboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_number_is_answered_clearly()
    {
        await room.SayAsync(Lead, "ausblenden 99");

        Assert.Equal("Einen Beitrag #99 gibt es in diesem Workshop nicht.", LastText());
    }

    [Fact]
    public async Task A_command_without_a_number_explains_how_it_works()
    {
        await room.SayAsync(Lead, "zusammenführen bitte");

        Assert.StartsWith("So geht's:", LastText(), StringComparison.Ordinal);
    }
}
