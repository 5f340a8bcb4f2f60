using System.Text.Json.Nodes;

namespace AgendaBot.EndToEnd.Tests;

/// <summary>A member of the Playground's mock team.</summary>
internal sealed record Member(string Name, string Id);

/// <summary>
/// The people, the channel and the workshop's messages in the Playground, and what people do there: type (as the
/// Playground's current user) and click card buttons (as anyone), each checked against what the channel then shows.
/// </summary>
internal sealed class WorkshopScene
{
    private const string CardType = "application/vnd.microsoft.card.adaptive";
    private const string ToastType = "application/vnd.microsoft.activity.message";

    private readonly TeamsPlayground teams;
    private readonly ChannelTranscript transcript;

    private WorkshopScene(TeamsPlayground teams, ChannelTranscript transcript, string channel)
    {
        this.teams = teams;
        this.transcript = transcript;
        Channel = channel;
        Member Named(string name) => new(name, teams.Api.UserIdOf(name));
        (Anna, Petra, Klaus, Sabine, Mehmet) =
            (Named("Anna Schulz"), Named("Petra Hoffmann"), Named("Klaus Meier"), Named("Sabine Wagner"), Named("Mehmet Yılmaz"));
    }

    /// <summary>The Playground's current user: the only one who can type.</summary>
    public Member Anna { get; }
    public Member Petra { get; }
    public Member Klaus { get; }
    public Member Sabine { get; }
    public Member Mehmet { get; }

    public string Channel { get; }

    /// <summary>The thread of "@AgendaBot workshop": the workshop's cards and its pinboard are posted there.</summary>
    public string WorkshopThread { get; set; } = string.Empty;

    public BotMessage Registration { get; set; } = null!;

    /// <summary>The card of the step the workshop is in.</summary>
    public BotMessage StepCard { get; set; } = null!;

    /// <summary>The pinboard as first posted.</summary>
    public BotMessage Pinboard { get; set; } = null!;

    public static async Task<WorkshopScene> OpenAsync(TeamsPlayground teams, ChannelTranscript transcript)
    {
        await teams.InstallAsync(teams.Team);
        return new WorkshopScene(teams, transcript, teams.Channel("Workshop Verwaltung"));
    }

    /// <summary>Anna writes "@AgendaBot {text}" in the channel; returns the bot's answer in the thread her message opened.</summary>
    public async Task<BotMessage> SayAsync(string text)
    {
        var thread = await teams.Api.SayAsync(Channel, text, mentionBot: true);
        Assert.StartsWith(Channel + ";messageid=", thread, StringComparison.Ordinal);
        return await transcript.WaitForAsync(thread, 0, _ => true, $"the answer to „{text}“");
    }

    public Task<JsonNode> ClickForCardAsync(Member who, BotMessage message, string verb, JsonObject? inputs = null) =>
        ClickForCardAsync(who, message, message.Card!, verb, inputs);

    /// <summary>Clicks a button on <paramref name="card"/>, the card <paramref name="message"/> shows now; returns the card replacing it.</summary>
    public async Task<JsonNode> ClickForCardAsync(Member who, BotMessage message, JsonNode card, string verb, JsonObject? inputs = null)
    {
        var answer = await ClickAsync(who, message, card, verb, inputs);
        Assert.True(answer["type"]?.GetValue<string>() == CardType, $"{who.Name} expected a card after '{verb}', got {answer.ToJsonString()}");
        Assert.Equal("de", answer["value"]?["lang"]?.GetValue<string>());
        return answer["value"]!;
    }

    /// <summary>
    /// What <paramref name="who"/> sees of a message: when its card's refresh names them, Teams asks the bot for their
    /// own view (Universal Actions) and shows that; everyone else sees the card as posted.
    /// </summary>
    public async Task<JsonNode> ViewOfAsync(Member who, BotMessage message, JsonNode? card = null)
    {
        card ??= message.Card!;
        if (card["refresh"] is not { } refresh || refresh["userIds"] is not JsonArray ids || !ids.Any(id => id?.GetValue<string>() == who.Id))
        {
            return card;
        }

        var action = refresh["action"]!;
        var answer = await teams.Api.ExecuteAsync(message.ConversationId, message.MessageId, action["verb"]!.GetValue<string>(),
            action["data"]?.DeepClone() as JsonObject ?? new JsonObject(), who.Id);
        Assert.True(answer["type"]?.GetValue<string>() == CardType, $"{who.Name} expected their view of the card, got {answer.ToJsonString()}");
        return answer["value"]!;
    }

    /// <summary>Clicks a button; returns the short message (toast) the clicking person gets.</summary>
    public Task<string> ClickForToastAsync(Member who, BotMessage message, string verb, JsonObject? inputs = null) =>
        ClickForToastAsync(who, message, message.Card!, verb, inputs);

    /// <summary>Clicks a button on <paramref name="card"/> (e.g. someone else's view of the message); returns the toast.</summary>
    public async Task<string> ClickForToastAsync(Member who, BotMessage message, JsonNode card, string verb, JsonObject? inputs = null)
    {
        var answer = await ClickAsync(who, message, card, verb, inputs);
        Assert.True(answer["type"]?.GetValue<string>() == ToastType, $"{who.Name} expected a message after '{verb}', got {answer.ToJsonString()}");
        return answer["value"]!.GetValue<string>();
    }

    /// <summary>A contribution through the step card's form; <paramref name="pinboardLine"/> ("#n  text  – name") must appear.</summary>
    public async Task ContributeAsync(Member who, JsonObject inputs, string pinboardLine)
    {
        var since = transcript.Mark(WorkshopThread);
        Assert.Equal($"Beitrag {NumberOf(pinboardLine)} ist gespeichert und steht auf der Pinnwand.",
            await ClickForToastAsync(who, StepCard, "contribution.add", inputs));
        await PinboardAsync(since, pinboardLine);
    }

    /// <summary>A measure planned with the step-6 form; the owner is picked by name from the card's choices.</summary>
    public async Task PlanMeasureAsync(Member who, string ownerName, JsonObject inputs, string toast, string pinboardLine)
    {
        var owner = StepCard.Card!["body"]!.AsArray()
            .First(e => e?["id"]?.GetValue<string>() == "owner")!["choices"]!.AsArray()
            .First(c => c?["title"]?.GetValue<string>() == ownerName)!["value"]!.GetValue<string>();
        inputs["owner"] = owner;
        var since = transcript.Mark(WorkshopThread);
        Assert.Equal(toast, await ClickForToastAsync(who, StepCard, "plan.save", inputs));
        await PinboardAsync(since, pinboardLine);
    }

    public static readonly string[] Steps =
    [
        "Schritt 1 von 6: Status-Quo-Beschreibung", "Schritt 2 von 6: Identifikation von Problemstellungen",
        "Schritt 3 von 6: Best-Practice-Input", "Schritt 4 von 6: Zieldefinition", "Schritt 5 von 6: Handlungskonzept",
        "Schritt 6 von 6: Zeit-Maßnahmen-Plan",
    ];

    /// <summary>
    /// Anna sets up the agenda and the workshop "Verwaltung", Anna and Klaus register, and the workshop walks to step 6
    /// with Klaus's <paramref name="proposals"/> in step 5 (pinboard #<paramref name="firstNumber"/>, …).
    /// </summary>
    /// <param name="beforeWorkshop">What happens between setting up the agenda and opening the workshop (a kick-off).</param>
    public async Task ReachStepSixAsync(IReadOnlyList<string> proposals, Func<Task>? beforeWorkshop = null, int firstNumber = 1)
    {
        var setUp = await SayAsync("agenda");
        await ClickForCardAsync(Anna, setUp, "agenda.create", new JsonObject
        {
            ["title"] = "Digitale Agenda Hagenow", ["fieldsOfAction"] = "Verwaltung", ["statusHere"] = "true",
        });
        if (beforeWorkshop is not null)
        {
            await beforeWorkshop();
        }

        var offer = await SayAsync("workshop");
        WorkshopThread = offer.ConversationId;
        var since = transcript.Mark(WorkshopThread);
        await ClickForCardAsync(Anna, offer, "workshop.open", new JsonObject { ["fieldOfAction"] = "Verwaltung", ["capacity"] = "15" });
        Registration = await PostedAsync(since, "Anmeldung zum Workshop „Verwaltung“");
        StepCard = await StepCardAsync(since, Steps[0]);
        Pinboard = await PostedAsync(since, "Pinnwand: Verwaltung");
        await ClickForCardAsync(Anna, Registration, "workshop.register", new JsonObject { ["group"] = "PublicAdministration" });
        await ClickForCardAsync(Klaus, Registration, "workshop.register", new JsonObject { ["group"] = "Companies" });

        for (var step = 1; step <= 5; step++)
        {
            if (step == 5)
            {
                for (var i = 0; i < proposals.Count; i++)
                {
                    await ContributeAsync(Klaus, new() { ["text"] = proposals[i] }, $"#{i + firstNumber}  {proposals[i]}  – Klaus Meier");
                }
            }

            var closed = await ClickForCardAsync(Anna, StepCard, await ViewOfAsync(Anna, StepCard), "step.close");
            since = Mark();
            await ClickForCardAsync(Anna, StepCard, closed, "step.advance");
            StepCard = await StepCardAsync(since, Steps[step]);
        }
    }

    /// <summary>A contribution in the chat: "@AgendaBot idee {text}".</summary>
    public async Task SuggestAsync(string text, string pinboardLine)
    {
        var since = transcript.Mark(WorkshopThread);
        Assert.Equal($"Beitrag {NumberOf(pinboardLine)} ist gespeichert und steht auf der Pinnwand.", (await SayAsync("idee " + text)).Text);
        await PinboardAsync(since, pinboardLine);
    }

    /// <summary>Anna closes the current step; the reflection must read <paramref name="reflection"/>. Returns the closed step card.</summary>
    public async Task<JsonNode> CloseAsync(int step, string[] reflection)
    {
        var since = transcript.Mark(WorkshopThread);
        // The close button is only in the moderator's own view of the card.
        var closed = await ClickForCardAsync(Anna, StepCard, await ViewOfAsync(Anna, StepCard), "step.close");
        Assert.Contains("Dieser Schritt ist abgeschlossen.", CardLines.Of(closed));
        var posted = await transcript.WaitForAsync(WorkshopThread, since,
            m => m.Action == BotMessage.Created && CardLines.First(m.Card)?.StartsWith("Reflexion", StringComparison.Ordinal) == true,
            $"the reflection of step {step}");
        Assert.Equal(reflection, CardLines.Of(posted.Card));
        return closed;
    }

    /// <summary>Closes the step and moves on: the old card loses its buttons, the next step's card and pinboard heading appear.</summary>
    public async Task CloseAndAdvanceAsync(int step, string[] reflection, string nextHeading)
    {
        var closed = await CloseAsync(step, reflection);
        Assert.Equal(["step.advance", "step.reopen"], CardLines.Buttons(closed));

        var since = transcript.Mark(WorkshopThread);
        var done = await ClickForCardAsync(Anna, StepCard, closed, "step.advance");

        Assert.Empty(CardLines.Buttons(done));
        StepCard = await StepCardAsync(since, nextHeading);
        var pinboard = await PinboardAsync(since, nextHeading);
        Assert.Equal("Noch keine Beiträge.", CardLines.Of(pinboard.Card)[^1]);
    }

    /// <summary>Where the workshop thread's transcript stands now, to wait for what comes after.</summary>
    public int Mark() => transcript.Mark(WorkshopThread);

    /// <summary>A new card whose first line is <paramref name="title"/>.</summary>
    public Task<BotMessage> PostedAsync(int since, string title) =>
        transcript.WaitForAsync(WorkshopThread, since,
            m => m.Action == BotMessage.Created && CardLines.First(m.Card) == title, $"a card „{title}“");

    public Task<BotMessage> StepCardAsync(int since, string heading) =>
        transcript.WaitForAsync(WorkshopThread, since,
            m => m.Action == BotMessage.Created
                && (CardLines.Buttons(m.Card).Contains("contribution.add") || CardLines.Buttons(m.Card).Contains("plan.save"))
                && CardLines.Of(m.Card).Contains(heading),
            $"the step card „{heading}“");

    /// <summary>An update of the pinboard message in place that shows all these lines.</summary>
    public Task<BotMessage> PinboardAsync(int since, params string[] lines) =>
        transcript.WaitForAsync(WorkshopThread, since,
            m => m.Action == BotMessage.Updated && m.MessageId == Pinboard.MessageId && lines.All(CardLines.Of(m.Card).Contains),
            $"the pinboard updated with „{string.Join("“, „", lines)}“");

    // What Teams sends on a click: the button's own data with the values of the card's inputs merged in.
    private Task<JsonNode> ClickAsync(Member who, BotMessage message, JsonNode card, string verb, JsonObject? inputs)
    {
        // At the card's foot, or in an action set beside the inputs it belongs to (the kick-off card).
        var button = card["actions"]?.AsArray().FirstOrDefault(a => a?["verb"]?.GetValue<string>() == verb)
            ?? card["body"]?.AsArray().Where(e => e?["type"]?.GetValue<string>() == "ActionSet")
                .SelectMany(e => e!["actions"]!.AsArray()).FirstOrDefault(a => a?["verb"]?.GetValue<string>() == verb);
        Assert.True(button is not null, $"{who.Name} sees no button '{verb}' on: {string.Join(" | ", CardLines.Of(card))}");
        var data = button["data"]?.DeepClone() as JsonObject ?? new JsonObject();
        foreach (var (name, value) in inputs ?? new JsonObject())
        {
            Assert.True(CardLines.InputIds(card).Contains(name), $"The card of '{verb}' has no input '{name}'.");
            data[name] = value?.DeepClone();
        }

        return teams.Api.ExecuteAsync(message.ConversationId, message.MessageId, verb, data, who.Id);
    }

    private static string NumberOf(string pinboardLine) => pinboardLine.Split(' ')[0];
}
