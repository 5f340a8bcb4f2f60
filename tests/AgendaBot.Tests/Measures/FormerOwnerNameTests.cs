using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Storage;
using AgendaBot.Storage.Measures;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Tests.Measures;

/// <summary>
/// The Monday post names the people of the week's changes even when they no longer own the measure: an owner change
/// keeps the names the owners had at the time beside their ids, until a person asks to be forgotten.
/// </summary>
public sealed class FormerOwnerNameTests : IAsyncLifetime
{
    private const string AgendaId = "agenda-hagenow";
    private const string MeasureId = "m-termine";
    private static readonly TeamsUser Lead = new("aad-petra", "Petra Lange");

    // The person the test activities come from, so that they can ask for their own erasure.
    private static readonly TeamsUser Klaus = new("a0000000-0000-0000-0000-000000000001", "Klaus Berger");
    private static readonly TeamsUser Sabine = new("aad-sabine", "Sabine Hoffmann");
    private static readonly TeamsUser Omar = new("aad-omar", "Omar Demir");
    private static readonly Texts German = new(BotCulture.German);
    private static readonly Texts English = new(BotCulture.English);

    private readonly TenantScope tenant = new($"tenant-{Guid.NewGuid():N}");
    private readonly DateTimeOffset now = DateTimeOffset.UtcNow;
    private BotServer bot = null!;
    private RecordingConnector connector = null!;

    private MeasureRepository Measures => bot.Services.GetRequiredService<MeasureRepository>();

    private TableClient MeasureTable => bot.Services.GetRequiredService<StorageTables>().Measures;

    public async Task InitializeAsync()
    {
        connector = await RecordingConnector.StartAsync();
        bot = new BotServer();
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task A_change_of_owner_names_the_old_and_the_new_owner()
    {
        await CreateOwnedByKlausAsync();
        await ChangeAsync(m => m with { Owner = Sabine }, Lead);
        await ChangeAsync(m => m with { Owner = Omar }, Lead, now.AddMinutes(1));

        var lines = await LinesAsync(German);

        // Neither Klaus nor Sabine owns a measure or changed one this week: only the history row knows their names.
        Assert.Contains("• Online-Terminvergabe – verantwortlich: Klaus Berger → Sabine Hoffmann (Petra Lange)", lines);
        Assert.Contains("• Online-Terminvergabe – verantwortlich: Sabine Hoffmann → Omar Demir (Petra Lange)", lines);
    }

    [Fact]
    public async Task A_change_of_owner_names_the_old_and_the_new_owner_in_English()
    {
        await CreateOwnedByKlausAsync();
        await ChangeAsync(m => m with { Owner = Sabine }, Lead);
        await ChangeAsync(m => m with { Owner = Omar }, Lead, now.AddMinutes(1));

        var lines = await LinesAsync(English);

        Assert.Contains("• Online-Terminvergabe – responsible: Klaus Berger → Sabine Hoffmann (Petra Lange)", lines);
        Assert.Contains("• Online-Terminvergabe – responsible: Sabine Hoffmann → Omar Demir (Petra Lange)", lines);
    }

    [Fact]
    public async Task A_change_made_by_a_former_owner_names_them()
    {
        await CreateOwnedByKlausAsync();
        await ChangeAsync(m => m with { Progress = 60 }, Klaus);
        await ChangeAsync(m => m with { Owner = Sabine }, Lead, now.AddMinutes(1));

        Assert.Contains("• Online-Terminvergabe – Fortschritt: 40 % → 60 % (Klaus Berger)", await LinesAsync(German));
        Assert.Contains("• Online-Terminvergabe – progress: 40% → 60% (Klaus Berger)", await LinesAsync(English));
    }

    [Fact]
    public async Task An_owner_change_stored_without_names_names_only_whom_the_post_knows()
    {
        await CreateOwnedByKlausAsync();
        await ChangeAsync(m => m with { Owner = Sabine }, Lead);
        await RemoveColumnsAsync("BeforeName", "AfterName");

        // Sabine owns the measure now, so the post knows her; Klaus only the removed column named.
        Assert.Contains("• Online-Terminvergabe – verantwortlich: eine andere Person → Sabine Hoffmann (Petra Lange)", await LinesAsync(German));
        Assert.Contains("• Online-Terminvergabe – responsible: someone else → Sabine Hoffmann (Petra Lange)", await LinesAsync(English));
    }

    [Fact]
    public async Task After_erasure_the_weekly_line_no_longer_names_the_person()
    {
        await CreateOwnedByKlausAsync();
        await ChangeAsync(m => m with { Progress = 60 }, Klaus);
        await ChangeAsync(m => m with { Owner = Sabine }, Lead, now.AddMinutes(1));
        Assert.Contains(await LinesAsync(German), l => l.Contains(Klaus.Name, StringComparison.Ordinal));

        await KlausErasesHisDataAsync();

        var german = await LinesAsync(German);
        Assert.Contains("• Online-Terminvergabe – verantwortlich: eine andere Person → Sabine Hoffmann (Petra Lange)", german);
        Assert.Contains("• Online-Terminvergabe – Fortschritt: 40 % → 60 % (eine andere Person)", german);
        Assert.Contains("• Online-Terminvergabe – responsible: someone else → Sabine Hoffmann (Petra Lange)", await LinesAsync(English));
        Assert.DoesNotContain(german, l => l.Contains("Klaus", StringComparison.Ordinal) || l.Contains("Berger", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_erasure_no_column_of_the_history_rows_holds_the_persons_name_or_id()
    {
        await CreateOwnedByKlausAsync();
        await ChangeAsync(m => m with { Progress = 60 }, Klaus);
        await ChangeAsync(m => m with { Owner = Sabine }, Lead, now.AddMinutes(1));
        Assert.Contains(await HistoryValuesAsync(), v => v.Contains(Klaus.Name, StringComparison.Ordinal));

        await KlausErasesHisDataAsync();

        var values = await HistoryValuesAsync();
        Assert.Contains(Sabine.Name, values);
        Assert.DoesNotContain(values, v => v.Contains("Klaus", StringComparison.Ordinal) || v.Contains("Berger", StringComparison.Ordinal)
            || v.Contains(Klaus.Id, StringComparison.Ordinal));
    }

    private async Task CreateOwnedByKlausAsync() => await Measures.CreateAsync(tenant, new Measure
    {
        Id = MeasureId,
        AgendaId = AgendaId,
        Title = "Online-Terminvergabe",
        Owner = Klaus,
        Progress = 40,
    }, Lead, now.AddMinutes(-1));

    private async Task ChangeAsync(Func<Measure, Measure> change, TeamsUser by, DateTimeOffset? at = null)
    {
        var stored = await Measures.GetAsync(tenant, AgendaId, MeasureId) ?? throw new InvalidOperationException("no measure");
        await Measures.UpdateAsync(tenant, stored, change(stored.Value), by, at ?? now);
    }

    // What a history row written before names were kept looks like.
    private async Task RemoveColumnsAsync(params string[] columns)
    {
        await foreach (var row in HistoryRowsAsync())
        {
            foreach (var column in columns)
            {
                row.Remove(column);
            }

            await MeasureTable.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);
        }
    }

    /// <summary>"daten löschen" in Klaus's personal chat, confirmed with the card's button.</summary>
    private async Task KlausErasesHisDataAsync()
    {
        await SendAsync(TeamsActivities.Installed(connector.ServiceUrl));
        await SendAsync(TeamsActivities.Message(connector.ServiceUrl, "daten löschen"));
        var question = (await connector.WaitForCallsAsync(2))[1];
        Assert.Equal("personalData.erase", question.Card?["actions"]?[0]?["verb"]?.GetValue<string>());

        var answer = await SendAsync(TeamsActivities.Execute(connector.ServiceUrl, "personalData.erase"));

        Assert.StartsWith("Erledigt", AgendaBot.Tests.Workshops.WorkshopRoom.Texts(answer?["value"]).First(), StringComparison.Ordinal);
    }

    private async Task<JsonObject?> SendAsync(JsonObject activity)
    {
        activity["conversation"]!["tenantId"] = tenant.TenantId;
        activity["channelData"]!["tenant"]!["id"] = tenant.TenantId;
        activity["from"]!["name"] = Klaus.Name;
        var response = await bot.Http.PostAsJsonAsync("api/messages", activity);
        return activity["type"]?.GetValue<string>() == "invoke" ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    private async Task<List<string>> HistoryValuesAsync()
    {
        var values = new List<string>();
        await foreach (var row in HistoryRowsAsync())
        {
            values.AddRange(row.Where(c => c.Key != "odata.etag").Select(c => c.Value?.ToString() ?? string.Empty));
        }

        return values;
    }

    private AsyncPageable<TableEntity> HistoryRowsAsync() => MeasureTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
        $"PartitionKey eq {Keys.MeasurePartition(tenant.TenantId, AgendaId)} and RowKey ge {"h|"} and RowKey lt {"h}"}"));

    /// <summary>The lines under "what changed since last week" of the post made now.</summary>
    private Task<List<string>> LinesAsync(Texts texts) => WeeklyChangedSection.LinesAsync(Measures, tenant, AgendaId, now.AddMinutes(2), texts);
}
