using AgendaBot.Storage;
using AgendaBot.Storage.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Workshops;

/// <summary>One person can save at most ten contributions a minute in a workshop; the eleventh is refused, clearly, and not stored.</summary>
public sealed class ContributionLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private WorkshopRoom room = null!;
    private string workshop = null!;

    public async Task InitializeAsync()
    {
        room = await WorkshopRoom.OpenAsync(time: clock);
        workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        await room.RegisterAsync(Klaus, workshop);
    }

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task The_eleventh_card_contribution_within_a_minute_is_refused_and_allowed_again_after_the_minute()
    {
        for (var i = 1; i <= 10; i++)
        {
            var saved = await room.ContributeAsync(Anna, workshop, 1, $"Idee {i}");
            Assert.StartsWith($"Beitrag #{i} ist gespeichert", saved["value"]?.GetValue<string>(), StringComparison.Ordinal);
            clock.Advance(TimeSpan.FromSeconds(5));
        }

        var refused = await room.ContributeAsync(Anna, workshop, 1, "Idee 11");

        Assert.Equal("Sie haben in der letzten Minute schon 10 Beiträge gespeichert. Bitte warten Sie einen Moment und speichern Sie dann noch einmal.",
            refused["value"]?.GetValue<string>());
        Assert.Equal(10, await StoredCountAsync());
        // Someone else is not held up by Anna's pace.
        var klaus = await room.ContributeAsync(Klaus, workshop, 1, "Idee von Klaus");
        Assert.StartsWith("Beitrag #11 ist gespeichert", klaus["value"]?.GetValue<string>(), StringComparison.Ordinal);

        // A minute after her first, one slot is free again.
        clock.Advance(TimeSpan.FromSeconds(11));
        var again = await room.ContributeAsync(Anna, workshop, 1, "Idee 11");
        Assert.StartsWith("Beitrag #12 ist gespeichert", again["value"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(12, await StoredCountAsync());
    }

    [Fact]
    public async Task A_click_delivered_again_past_the_limit_is_answered_as_saved_not_refused()
    {
        for (var i = 1; i <= 10; i++)
        {
            await room.ContributeAsync(Anna, workshop, 1, $"Idee {i}", activityId: $"click-{i}");
        }

        var again = await room.ContributeAsync(Anna, workshop, 1, "Idee 10", activityId: "click-10");

        Assert.Equal("Beitrag #10 war schon gespeichert.", again["value"]?.GetValue<string>());
        Assert.Equal(10, await StoredCountAsync());
    }

    [Fact]
    public async Task The_eleventh_chat_idea_within_a_minute_is_refused_and_not_stored()
    {
        for (var i = 1; i <= 10; i++)
        {
            await room.SayAsync(Anna, $"idee Gedanke {i}");
        }

        var calls = room.Connector.Calls.Count;
        await room.SayAsync(Anna, "idee Gedanke 11");

        var answer = Assert.Single(room.Connector.Calls.Skip(calls), c => c.Text is not null);
        Assert.Equal("Sie haben in der letzten Minute schon 10 Beiträge gespeichert. Bitte warten Sie einen Moment und speichern Sie dann noch einmal.",
            answer.Text);
        Assert.Equal(10, await StoredCountAsync());
    }

    private async Task<int> StoredCountAsync() =>
        (await room.Bot.Services.GetRequiredService<WorkshopRepository>().GetContributionsAsync(new TenantScope(room.TenantId), workshop)).Count;
}
