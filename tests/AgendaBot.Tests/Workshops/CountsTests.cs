using System.Text.Json.Nodes;
using AgendaBot.Tests.Voting;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Workshops;

/// <summary>Every "n von m" counts distinct people: the moderator who registers counts once, like anyone.</summary>
public sealed class CountsTests : IAsyncLifetime
{
    private WorkshopRoom room = null!;

    public async Task InitializeAsync() => room = await WorkshopRoom.OpenAsync();

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task The_moderator_registering_alone_takes_one_seat_and_is_the_one_voter()
    {
        var workshop = await room.SetUpWorkshopAsync();

        var registered = await room.RegisterAsync(Lead, workshop, "PublicAdministration");
        foreach (var idea in new[] { "Anträge gehen nur auf Papier", "Kein WLAN im Rathaus", "Termine nur per Telefon" })
        {
            await room.ContributeAsync(Lead, workshop, 1, idea);
        }

        await VotingRoom.StartAsync(room, workshop);

        Assert.Contains("1 von 15 Plätzen belegt.", Texts(registered["value"]));
        Assert.Contains("0 von 1 haben abgestimmt.", Texts(VotingRoom.BallotCard(room)));
    }

    [Fact]
    public async Task Three_people_registered_are_three_of_the_seats_whoever_opened_the_workshop()
    {
        var workshop = await room.SetUpWorkshopAsync();

        await room.RegisterAsync(Anna, workshop, "Universities");
        await room.RegisterAsync(Klaus, workshop, "Companies");
        var third = await room.RegisterAsync(Sabine, workshop, "Citizens");

        Assert.Contains("3 von 15 Plätzen belegt.", Texts(third["value"]));
    }
}
