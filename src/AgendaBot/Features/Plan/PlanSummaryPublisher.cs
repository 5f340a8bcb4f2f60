using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Posting;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Features.Measures;
using AgendaBot.Protocol.Cards;
using AgendaBot.Protocol.Connector;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Plan;

/// <summary>
/// Keeps the plan summary of an agenda in step with its measures: posted once into each workshop channel that planned
/// measures (next to its pinboard) and into the agenda's status channel, then updated in place on every change.
/// A failed post never undoes the change that caused it; the next change tries again.
/// </summary>
// Seam: a measure's new status refreshes the posted plan summary.
[Seam]
public sealed partial class PlanSummaryPublisher(
    AgendaRepository agendas,
    WorkshopRepository workshops,
    MeasureRepository measures,
    PlanFollowUpStore posts,
    FinalRoundStore standings,
    ConversationReferenceRepository references,
    PlanPicture picture,
    Poster poster,
    TimeProvider time,
    ILogger<PlanSummaryPublisher> logger)
{
    /// <summary>A first post claimed this long ago without an activity id was abandoned (its instance died).</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    /// <param name="serviceUrl">Where to reach Teams for conversations without a stored reference: the current turn's.</param>
    public async Task RefreshAsync(TenantScope tenant, string agendaId, string serviceUrl, CancellationToken cancellationToken)
    {
        if (await agendas.GetAsync(tenant, agendaId, cancellationToken) is not { Value: var agenda })
        {
            return;
        }

        var plan = MeasureTexts.ByPriority(await measures.GetAllAsync(tenant, agendaId, cancellationToken));
        if (plan.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var posted = await posts.GetPlanPostsAsync(tenant, agendaId, cancellationToken);
        var targets = await TargetsAsync(tenant, agenda, plan.Select(m => m.SourceWorkshopId), cancellationToken);
        var (card, texts) = await DrawAsync(tenant, agenda, plan, targets, now, cancellationToken);
        foreach (var (conversationId, _) in targets)
        {
            var url = (await references.GetAsync(tenant, conversationId, cancellationToken)
                ?? await references.GetAsync(tenant, Root(conversationId), cancellationToken))?.ServiceUrl ?? serviceUrl;
            try
            {
                if (posted.FirstOrDefault(p => p.ConversationId == conversationId)?.ActivityId is { } activityId)
                {
                    await poster.Now.UpdateAsync(url, conversationId, activityId, card, texts, cancellationToken);
                }
                else
                {
                    await PostFirstAsync(tenant, agendaId, conversationId, url, card, texts, now, cancellationToken);
                }
            }
            catch (Exception failure) when (failure is ConnectorException or HttpRequestException)
            {
                LogNotPosted(logger, conversationId, failure);
            }
        }
    }

    /// <summary>The plan summary as storage has it now, in the language of its first target; null without measures.</summary>
    public async Task<(AdaptiveCard Card, Texts Texts)?> DrawAsync(TenantScope tenant, string agendaId, CancellationToken cancellationToken)
    {
        if (await agendas.GetAsync(tenant, agendaId, cancellationToken) is not { Value: var agenda })
        {
            return null;
        }

        var plan = MeasureTexts.ByPriority(await measures.GetAllAsync(tenant, agendaId, cancellationToken));
        return plan.Count == 0
            ? null
            : await DrawAsync(tenant, agenda, plan, await TargetsAsync(tenant, agenda, plan.Select(m => m.SourceWorkshopId), cancellationToken),
                time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Where the summary of the agenda was posted: one activity per conversation.</summary>
    public async Task<IReadOnlyList<(string ConversationId, string ActivityId)>> PostedAsync(TenantScope tenant, string agendaId,
        CancellationToken cancellationToken) =>
        (await posts.GetPlanPostsAsync(tenant, agendaId, cancellationToken))
            .Where(p => !string.IsNullOrEmpty(p.ActivityId))
            .Select(p => (p.ConversationId, p.ActivityId!))
            .ToList();

    private async Task<(AdaptiveCard Card, Texts Texts)> DrawAsync(TenantScope tenant, Agenda agenda, IReadOnlyList<Domain.Measures.Measure> plan,
        List<(string ConversationId, string Language)> targets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var texts = new Texts(targets.Count > 0 && targets[0].Language == "en" ? BotCulture.English : BotCulture.German);
        var stage = MeasureTexts.Stage(await standings.GetStandingAsync(tenant, agenda.Id, cancellationToken), texts);
        return (PlanSummaryCard.Render(agenda.Title, plan, await picture.UrlForAsync(tenant, plan, now, texts, cancellationToken), now, texts, agenda.Id, stage),
            texts);
    }

    private async Task PostFirstAsync(TenantScope tenant, string agendaId, string conversationId, string serviceUrl,
        AdaptiveCard card, Texts texts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Two changes at once must not post two summaries: only the holder of the claim posts.
        if (await posts.TryClaimPlanPostAsync(tenant, agendaId, conversationId, now, AbandonedAfter, cancellationToken) is not { } claim)
        {
            return;
        }

        try
        {
            var sent = await poster.Now.PostAsync(serviceUrl, conversationId, card, texts, cancellationToken);
            await posts.RememberPlanPostAsync(tenant, agendaId, conversationId, sent.Id ?? string.Empty, now, CancellationToken.None);
        }
        catch
        {
            await posts.ReleasePlanPostAsync(tenant, agendaId, conversationId, claim, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// The workshop channels the measures came from (where their pinboard is), then the status channel unless it is one
    /// of them; each with the language of the posts there.
    /// </summary>
    private async Task<List<(string ConversationId, string Language)>> TargetsAsync(TenantScope tenant, Agenda agenda,
        IEnumerable<string?> sourceWorkshops, CancellationToken cancellationToken)
    {
        var targets = new List<(string ConversationId, string Language)>();
        foreach (var workshopId in sourceWorkshops.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await workshops.GetAsync(tenant, workshopId, cancellationToken) is { Value: var workshop })
            {
                targets.Add((workshop.Pinboard.ConversationId ?? workshop.ConversationId, workshop.Language));
            }
        }

        if (agenda.StatusConversationId is { } status && targets.All(t => Root(t.ConversationId) != Root(status)))
        {
            targets.Add((status, "de"));
        }

        return targets;
    }

    // A channel conversation id with Teams' thread suffix names the same channel as the bare id.
    private static string Root(string conversationId) => conversationId.Split(";messageid=", 2)[0];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The plan summary could not be posted to {ConversationId}; the next change tries again")]
    private static partial void LogNotPosted(ILogger logger, string conversationId, Exception failure);
}
