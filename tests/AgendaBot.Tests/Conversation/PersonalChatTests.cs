using System.Text.Json.Nodes;
using AgendaBot.Domain.Workshops;
using AgendaBot.Storage;
using AgendaBot.Storage.Workshops;
using AgendaBot.Testing;
using AgendaBot.Tests.Workshops;
using Microsoft.Extensions.DependencyInjection;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Conversation;

/// <summary>
/// Nothing becomes public by accident: what a registered person writes in their personal chat is shown back as a
/// preview and stored only when they click "Speichern"; greetings and thanks are answered, never stored.
/// </summary>
public sealed class PersonalChatTests : IAsyncLifetime
{
    private const string Tourismus = "19:workshop-tourismus@thread.tacv2";
    private WorkshopRoom room = null!;

    public async Task InitializeAsync() => room = await WorkshopRoom.OpenAsync();

    public async Task DisposeAsync() => await room.DisposeAsync();

    private async Task<IReadOnlyList<Contribution>> StoredAsync(string workshop) =>
        await room.Bot.Services.GetRequiredService<WorkshopRepository>().GetContributionsAsync(new TenantScope(room.TenantId), workshop);

    /// <summary>What the bot answered in the person's personal chat to what they wrote.</summary>
    private async Task<ConnectorCall> AnswerToAsync(Person person, string text)
    {
        var before = room.Connector.Calls.Count;
        await room.SayPersonallyAsync(person, text);
        var calls = await room.Connector.WaitForCallsAsync(before + 1);
        return calls.Skip(before).Last(c => c.Path.Contains(Uri.EscapeDataString(PersonalChatOf(person)), StringComparison.Ordinal));
    }

    private static JsonObject Button(JsonNode? card, string verb) =>
        card!["actions"]!.AsArray().Single(a => a?["verb"]?.GetValue<string>() == verb)!["data"]!.DeepClone().AsObject();

    private static List<string> Said(JsonObject answer) => answer["value"] is JsonValue value ? [value.GetValue<string>()] : [.. Texts(answer["value"])];

    [Theory]
    [InlineData("Hallo", "Guten Tag! Schreiben Sie **hilfe**, wenn Sie sehen möchten, was ich für Sie tun kann.")]
    [InlineData("hi", "Guten Tag! Schreiben Sie **hilfe**, wenn Sie sehen möchten, was ich für Sie tun kann.")]
    [InlineData("Guten Morgen!", "Guten Tag! Schreiben Sie **hilfe**, wenn Sie sehen möchten, was ich für Sie tun kann.")]
    [InlineData("Danke!", "Gern geschehen!")]
    [InlineData("vielen Dank", "Gern geschehen!")]
    [InlineData("thanks", "Gern geschehen!")]
    [InlineData("Tschüss", "Auf Wiedersehen – bis bald!")]
    public async Task Hallo_in_personal_chat_gets_a_greeting_not_a_contribution(string text, string answer)
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);

        var reply = await AnswerToAsync(Anna, text);

        Assert.Null(reply.Card);
        Assert.Equal(answer, reply.Text);
        Assert.Empty(await StoredAsync(workshop));
    }

    [Fact]
    public async Task A_greeting_is_answered_in_the_persons_language()
    {
        await room.DisposeAsync();
        room = await WorkshopRoom.OpenAsync(locale: "en-US");
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);

        Assert.Equal("You're welcome!", (await AnswerToAsync(Anna, "Thank you!")).Text);
        Assert.Equal("Hello! Write **help** to see what I can do for you.", (await AnswerToAsync(Anna, "hello")).Text);
        Assert.Empty(await StoredAsync(workshop));
    }

    [Fact]
    public async Task Free_text_in_personal_chat_is_previewed_and_stored_only_on_save()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);

        var preview = (await AnswerToAsync(Anna, "Das WLAN im Rathaus fehlt")).Card;

        var text = Texts(preview).ToList();
        Assert.Contains("Als Beitrag zu Schritt 1 „Status-Quo-Beschreibung“ im Workshop „Verwaltung“ speichern?", text);
        Assert.Contains("Das WLAN im Rathaus fehlt", text);
        Assert.Equal(["Speichern", "Verwerfen"], preview!["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()));
        Assert.Empty(await StoredAsync(workshop));

        var saved = await room.ClickPersonallyAsync(Anna, "contribution.preview.save", Button(preview, "contribution.preview.save"));

        Assert.Contains("Gespeichert als Beitrag #1 zu Schritt 1 „Status-Quo-Beschreibung“ im Workshop „Verwaltung“. Er steht auf der Pinnwand.", Said(saved));
        Assert.Null(saved["value"]!["actions"]);
        var stored = Assert.Single(await StoredAsync(workshop));
        Assert.Equal(("Das WLAN im Rathaus fehlt", WorkshopStep.StatusQuo), (stored.Text, stored.Step));
        Assert.Contains("Das WLAN im Rathaus fehlt", await room.PinboardTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discarded_preview_stores_nothing()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        var preview = (await AnswerToAsync(Anna, "Das WLAN im Rathaus fehlt")).Card;

        var discarded = await room.ClickPersonallyAsync(Anna, "contribution.preview.discard", Button(preview, "contribution.preview.discard"));

        Assert.Contains("Verworfen – es wurde nichts gespeichert.", Said(discarded));
        Assert.Null(discarded["value"]!["actions"]);
        Assert.Empty(await StoredAsync(workshop));
    }

    [Fact]
    public async Task Save_clicked_twice_stores_one_contribution()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        var preview = (await AnswerToAsync(Anna, "Das WLAN im Rathaus fehlt")).Card;

        var first = await room.ClickPersonallyAsync(Anna, "contribution.preview.save", Button(preview, "contribution.preview.save"));
        var second = await room.ClickPersonallyAsync(Anna, "contribution.preview.save", Button(preview, "contribution.preview.save"));
        var discardedAfter = await room.ClickPersonallyAsync(Anna, "contribution.preview.discard", Button(preview, "contribution.preview.discard"));

        Assert.Single(await StoredAsync(workshop));
        Assert.Equal(Said(first), Said(second));
        Assert.Equal(Said(first), Said(discardedAfter));
    }

    [Fact]
    public async Task A_person_in_two_workshops_chooses_where_the_contribution_goes()
    {
        var verwaltung = await room.SetUpWorkshopAsync();
        await room.ClickAsync(Lead, "workshop.open", new JsonObject { ["fieldOfAction"] = "Tourismus/Mobilität", ["capacity"] = "15" }, channelId: Tourismus);
        var tourismus = room.Connector.Calls.Select(c => c.Card).Last(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "contribution.add")!
            ["actions"]![0]!["data"]!["workshopId"]!.GetValue<string>();
        await room.RegisterAsync(Anna, verwaltung);
        await room.ClickAsync(Anna, "workshop.register", new JsonObject { ["workshopId"] = tourismus, ["group"] = "Citizens" }, channelId: Tourismus);

        var preview = (await AnswerToAsync(Anna, "Mehr Radwege zum Bahnhof")).Card;

        var choice = preview!["body"]!.AsArray().Single(e => e?["type"]?.GetValue<string>() == "Input.ChoiceSet")!;
        var choices = choice["choices"]!.AsArray().Select(c => (Title: c!["title"]!.GetValue<string>(), Value: c["value"]!.GetValue<string>())).ToList();
        Assert.Equal(["Tourismus/Mobilität – Schritt 1 „Status-Quo-Beschreibung“", "Verwaltung – Schritt 1 „Status-Quo-Beschreibung“"],
            choices.Select(c => c.Title).Order(StringComparer.Ordinal));
        var data = Button(preview, "contribution.preview.save");
        data[choice["id"]!.GetValue<string>()] = choices.Single(c => c.Title.StartsWith("Tourismus", StringComparison.Ordinal)).Value;

        var saved = await room.ClickPersonallyAsync(Anna, "contribution.preview.save", data);

        Assert.Contains("Gespeichert als Beitrag #1 zu Schritt 1 „Status-Quo-Beschreibung“ im Workshop „Tourismus/Mobilität“. Er steht auf der Pinnwand.", Said(saved));
        Assert.Equal("Mehr Radwege zum Bahnhof", Assert.Single(await StoredAsync(tourismus)).Text);
        Assert.Empty(await StoredAsync(verwaltung));
    }

    [Fact]
    public async Task Save_after_the_step_was_closed_stores_nothing_and_says_why()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        var preview = (await AnswerToAsync(Anna, "Das WLAN im Rathaus fehlt")).Card;
        await room.ClickAsync(Lead, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 });

        var saved = await room.ClickPersonallyAsync(Anna, "contribution.preview.save", Button(preview, "contribution.preview.save"));

        Assert.Equal(["Dieser Schritt ist bereits abgeschlossen; Beiträge sind nicht mehr möglich."], Said(saved));
        Assert.Empty(await StoredAsync(workshop));
    }

    [Fact]
    public async Task A_preview_saved_by_someone_no_longer_registered_stores_nothing()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        var preview = (await AnswerToAsync(Anna, "Das WLAN im Rathaus fehlt")).Card;

        // Klaus got hold of Anna's card data; he is registered nowhere.
        var saved = await room.ClickPersonallyAsync(Klaus, "contribution.preview.save", Button(preview, "contribution.preview.save"));

        Assert.Empty(await StoredAsync(workshop));
        Assert.DoesNotContain(Said(saved), t => t.Contains("Gespeichert", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Idee_in_the_personal_chat_is_stored_at_once_and_says_where_it_went()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);

        var reply = await AnswerToAsync(Anna, "idee Das WLAN im Rathaus fehlt");

        Assert.Equal("Beitrag #1 ist gespeichert: Schritt 1 „Status-Quo-Beschreibung“ im Workshop „Verwaltung“. Er steht auf der Pinnwand.", reply.Text);
        Assert.Single(await StoredAsync(workshop));
    }

    [Fact]
    public async Task Idee_before_registering_says_to_register_first_and_how()
    {
        var workshop = await room.SetUpWorkshopAsync();

        var personal = await AnswerToAsync(Anna, "idee Das WLAN im Rathaus fehlt");
        var before = room.Connector.Calls.Count;
        await room.SayAsync(Klaus, "idee Mehr Radwege");
        var channel = (await room.Connector.WaitForCallsAsync(before + 1))[^1];

        Assert.Equal(
            "Sie sind noch zu keinem Workshop angemeldet. Melden Sie sich zuerst im Kanal des Workshops an: Gruppe wählen und auf der Anmeldekarte „Anmelden“ klicken. Danach nehme ich Ihre Ideen hier entgegen.",
            personal.Text);
        Assert.Equal(
            "Bitte melden Sie sich zuerst für diesen Workshop an: Gruppe wählen und auf der Anmeldekarte „Anmelden“ klicken. Danach nehme ich Ihre Ideen entgegen.",
            channel.Text);
        Assert.Empty(await StoredAsync(workshop));
    }
}
