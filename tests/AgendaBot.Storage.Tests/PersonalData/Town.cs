using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Delivery;
using AgendaBot.Storage.Exports;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.Tests.Delivery;
using AgendaBot.Storage.Voting;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Storage.Tests.PersonalData;

/// <summary>
/// One tenant in which Alice has left every kind of personal data the bot stores, next to Bob's. Texts carry the
/// tenant id, so that a row from another tenant is recognisable in an export.
/// </summary>
internal static class Town
{
    public const string AgendaId = "agenda";
    public const string WorkshopId = "ws-verwaltung";
    public const string NamedRound = "round-named";
    public const string AnonymousRound = "round-anonymous";
    public const string AliceMeasure = "m-alice";
    public const string BobMeasure = "m-bob";
    public const string AliceChat = "a:chat-alice";
    public const string BobChat = "a:chat-bob";

    /// <summary>A personal chat of Alice's that the bot has no reference of any more (reinstalled since).</summary>
    public const string AliceEarlierChat = "a:chat-alice-earlier";

    /// <summary>Bob sent the draft to Alice and himself; Alice sent one to Bob alone.</summary>
    public const string BobsDraft = "draft-bob";
    public const string AlicesDraft = "draft-alice";

    /// <summary>The idempotency key of the draft's post to Alice's personal chat, which went out.</summary>
    public const string DraftToAliceKey = $"draft|{AgendaId}|{BobsDraft}|user-alice";

    public static readonly TeamsUser Alice = People.Alice;
    public static readonly TeamsUser Bob = People.Bob;

    /// <summary>A new tenant where Alice leads the agenda and co-moderates a workshop with Bob; both take part in everything.</summary>
    public static Task<TenantScope> ArrangeAsync() => ArrangeAsync(TestStorage.Tables, TestDelivery.Storage);

    /// <inheritdoc cref="ArrangeAsync()"/>
    public static async Task<TenantScope> ArrangeAsync(StorageTables tables, DeliveryStorage delivery)
    {
        var tenant = TestStorage.NewTenant();
        var at = People.Monday;
        await new AgendaRepository(tables).CreateAsync(tenant,
            Agenda.Create(AgendaId, $"Digitale Agenda {tenant.TenantId}", Alice, null, null, null, at));

        var workshops = new WorkshopRepository(tables);
        await workshops.CreateAsync(tenant,
            Workshop.Open(WorkshopId, AgendaId, "Verwaltung", "19:verwaltung@thread.tacv2", Alice, null, at).WithModerator(Bob.Id) with { OpenedBy = Alice.Id });
        await workshops.RegisterAsync(tenant, WorkshopId, Alice, StakeholderGroup.PublicAdministration, Role.Moderator, at);
        await workshops.RegisterAsync(tenant, WorkshopId, Bob, StakeholderGroup.Citizens, Role.Participant, at);
        await ContributeAsync(tenant, workshops, Alice, "act-1", $"Papierformulare im Bürgeramt ({tenant.TenantId})");
        await ContributeAsync(tenant, workshops, Alice, "act-2", $"Kein WLAN im Rathaus ({tenant.TenantId})");
        await ContributeAsync(tenant, workshops, Bob, "act-3", $"Parken schwer zu finden ({tenant.TenantId})");
        // The plan line the bot writes for a moderator (Bob) names the measure's owner (Alice) inside its text.
        await ContributeAsync(tenant, workshops, Bob, "act-plan", $"Plan: Online-Termine · verantwortlich: {Alice.Name} · ({tenant.TenantId})", mentioned: Alice);
        await workshops.SavePinboardFingerprintsAsync(tenant, WorkshopId, new Versioned<PinboardFingerprints>(
            new PinboardFingerprints(new Dictionary<string, string> { ["activity-1"] = "0123456789ABCDEF0123456789ABCDEF" }), default));

        var voting = new VotingRepository(tables);
        await VoteAsync(tenant, voting, new VotingRound
        {
            Id = NamedRound, WorkshopId = WorkshopId, Method = VotingMethod.StarRating, Items = [1, 2, 3], Criteria = ["Nutzen"],
            StartedBy = Alice.Id, StartedAt = at,
        });
        await VoteAsync(tenant, voting, new VotingRound
        {
            Id = AnonymousRound, WorkshopId = WorkshopId, Method = VotingMethod.DotVoting, Items = [1, 2, 3], Anonymous = true,
            PointsPerPerson = 3, MaxPointsPerItem = 3, StartedBy = Bob.Id, StartedAt = at,
        });

        var measures = new MeasureRepository(tables);
        await measures.CreateAsync(tenant, Measure(AliceMeasure, "Online-Terminvergabe", Alice), Alice, at);
        await measures.CreateAsync(tenant, Measure(BobMeasure, "Parkleitsystem", Bob), Bob, at);
        await measures.AddCommentAsync(tenant, AgendaId, MeasureComment.Create(AliceMeasure, "c-alice", Alice, $"Bitte auch per Telefon ({tenant.TenantId})", at));
        await measures.AddCommentAsync(tenant, AgendaId, MeasureComment.Create(AliceMeasure, "c-bob", Bob, $"Gute Idee ({tenant.TenantId})", at));

        var conversations = new ConversationReferenceRepository(tables);
        await conversations.SaveAsync(PersonalChat(tenant, AliceChat, Alice));
        await conversations.SaveAsync(PersonalChat(tenant, BobChat, Bob));

        var rounds = new CommentRoundRepository(tables);
        await rounds.StartAsync(tenant, CommentRound.Start(BobsDraft, AgendaId, Bob, [AliceMeasure, BobMeasure], [Alice, Bob], 0, at.AddDays(7), at));
        await rounds.StartAsync(tenant, CommentRound.Start(AlicesDraft, AgendaId, Alice, [AliceMeasure], [Bob], 0, at.AddDays(7), at));

        await ArrangeDeliveryAsync(tenant, delivery);
        await new ExportStore(tables, TimeProvider.System).SaveAsync(tenant,
            new ExportFile("beitraege.csv", "text/csv", System.Text.Encoding.UTF8.GetBytes($"Nr;Autor\n1;{Alice.Name}\n")));
        return tenant;
    }

    /// <summary>
    /// Delivery's rows about Alice: the draft's post to her chat went out; posts to her and to Bob were parked
    /// (Alice's once with her id, as the worker parks since posts name their person, to a chat of hers the bot no
    /// longer knows; and once from before, found only by her chat); her chat blocked the bot once.
    /// </summary>
    private static async Task ArrangeDeliveryAsync(TenantScope tenant, DeliveryStorage storage)
    {
        await new DeliveryLedger(storage).MarkSentAsync(tenant, DraftToAliceKey, "activity-draft", People.Monday, Alice.Id);
        await new DeliveryLedger(storage).BlockAsync(tenant, new BlockedConversation(AliceChat, "403 MessageWritesBlocked", People.Monday));
        var parked = new ParkedPosts(storage);
        await parked.ParkAsync(Parked(tenant, AliceEarlierChat, "remind|m-alice", "message-1", Alice, Alice.Id));
        await parked.ParkAsync(Parked(tenant, AliceChat, "weekly|before", "message-2", Alice, null));
        await parked.ParkAsync(Parked(tenant, BobChat, "remind|m-bob", "message-3", Bob, Bob.Id));
    }

    // The parked envelope holds the message to the person, as the worker stores it: their name in the card.
    private static ParkedPost Parked(TenantScope tenant, string chat, string key, string messageId, TeamsUser to, string? personId) =>
        new(tenant.TenantId, chat, key, "404 ConversationNotFound (attempt 1)", 1, messageId,
            $$$"""{"tenant":"{{{tenant.TenantId}}}","conversation":"{{{chat}}}","key":"{{{key}}}","activity":{"type":"message","text":"Hallo {{{to.Name}}}"}}""",
            People.Monday.AddHours(1), personId);

    private static Task<ContributionOutcome> ContributeAsync(TenantScope tenant, WorkshopRepository workshops, TeamsUser author,
        string activityId, string text, TeamsUser? mentioned = null) =>
        workshops.AddContributionAsync(tenant, WorkshopId, activityId,
            (w, number) => Contribution.Create(w.Id, number, w.CurrentStep, author, text, People.Monday) with { Mentioned = mentioned });

    // Alice and Bob both vote in every round: Alice scores item 1, Bob item 3.
    private static async Task VoteAsync(TenantScope tenant, VotingRepository voting, VotingRound round)
    {
        await voting.StartRoundAsync(tenant, round, $"start-{round.Id}");
        var criterion = round.Criteria.Count > 0 ? round.Criteria[0] : null;
        await voting.CastAsync(tenant, round, Alice.Id, new Ballot(round.Id, Alice.Id, [new Score(1, criterion, 3)], People.Monday));
        await voting.CastAsync(tenant, round, Bob.Id, new Ballot(round.Id, Bob.Id, [new Score(3, criterion, 2)], People.Monday));
    }

    private static Measure Measure(string id, string title, TeamsUser owner) =>
        new() { Id = id, AgendaId = AgendaId, Title = title, Owner = owner, Start = new DateOnly(2026, 4, 1), End = new DateOnly(2026, 12, 31) };

    private static ConversationReference PersonalChat(TenantScope tenant, string conversationId, TeamsUser user) =>
        new(tenant.TenantId, conversationId, "https://smba.trafficmanager.net/de/", "28:agendabot", "personal", null, null, user.Id, People.Monday);
}
