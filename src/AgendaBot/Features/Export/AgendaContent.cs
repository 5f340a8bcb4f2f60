using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.Voting;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Export;

/// <summary>One workshop of the agenda with what was said and voted in it.</summary>
public sealed record WorkshopContent(
    Workshop Workshop,
    IReadOnlyList<Contribution> Contributions,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<(VotingRound Round, IReadOnlyList<Ballot> Ballots)> Rounds);

/// <summary>Everything an export is made from, read in one go so the files of one export agree with each other.</summary>
// Seam: publishing makes its document from the same content.
[Seam]
public sealed record AgendaContent(Agenda Agenda, IReadOnlyList<WorkshopContent> Workshops, IReadOnlyList<Measure> Measures)
{
    /// <summary>The consultations with other towns and bodies, oldest first.</summary>
    public IReadOnlyList<ConsultationEntry> Consultations { get; init; } = [];

    /// <summary>Whether the plan is a draft or final, and the budget year of its priorities.</summary>
    public PlanState Plan { get; init; } = PlanState.Draft;

    /// <summary>When the measures' statuses changed: when they actually began and ended, for the evaluation.</summary>
    public IReadOnlyList<StatusChange> StatusChanges { get; init; } = [];

    /// <summary>The measures in plan order: by priority (unranked last), then by start, then by title.</summary>
    public IReadOnlyList<Measure> MeasuresInPlanOrder => Measures
        .OrderBy(m => m.Priority ?? int.MaxValue).ThenBy(m => m.Start ?? DateOnly.MaxValue)
        .ThenBy(m => m.Title, StringComparer.CurrentCulture).ToList();

    /// <summary>The goals of step 4 per field of action, hidden and merged ones left out, ranked ones first.</summary>
    public IEnumerable<(string FieldOfAction, IReadOnlyList<Contribution> Goals)> GoalsByFieldOfAction =>
        Workshops.Select(w => (w.Workshop.FieldOfAction, (IReadOnlyList<Contribution>)w.Contributions
                .Where(c => c.Step == WorkshopStep.Goals && !c.Hidden)
                .OrderBy(c => c.Priority ?? int.MaxValue).ThenBy(c => c.Number).ToList()))
            .Where(g => g.Item2.Count > 0);

    /// <summary>The same agenda with only the workshops <paramref name="include"/> accepts, e.g. those a moderator runs.</summary>
    public AgendaContent OnlyWorkshops(Func<Workshop, bool> include) => this with { Workshops = Workshops.Where(w => include(w.Workshop)).ToList() };
}

/// <summary>Reads an agenda's content from storage.</summary>
// Seam: publishing reads the content of its document the same way.
[Seam]
public sealed class AgendaContentReader(AgendaRepository agendas, WorkshopRepository workshops, VotingRepository voting,
    MeasureRepository measures, FinalRoundStore plans)
{
    public async Task<AgendaContent?> ReadAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken)
    {
        var agenda = await agendas.GetAsync(scope, agendaId, cancellationToken);
        if (agenda is null)
        {
            return null;
        }

        var contents = new List<WorkshopContent>();
        foreach (var listing in (await agendas.GetWorkshopsAsync(scope, agendaId, cancellationToken)).OrderBy(l => l.FieldOfAction, StringComparer.Ordinal))
        {
            var workshop = await workshops.GetAsync(scope, listing.WorkshopId, cancellationToken);
            if (workshop is null)
            {
                continue;
            }

            var rounds = new List<(VotingRound, IReadOnlyList<Ballot>)>();
            foreach (var round in await voting.GetRoundsAsync(scope, listing.WorkshopId, cancellationToken))
            {
                rounds.Add((round, await voting.GetBallotsAsync(scope, listing.WorkshopId, round.Id, cancellationToken)));
            }

            contents.Add(new WorkshopContent(workshop.Value,
                await workshops.GetContributionsAsync(scope, listing.WorkshopId, cancellationToken),
                await workshops.GetParticipantsAsync(scope, listing.WorkshopId, cancellationToken),
                rounds.OrderBy(r => r.Item1.StartedAt).ToList()));
        }

        return new AgendaContent(agenda.Value, contents, await measures.GetAllAsync(scope, agendaId, cancellationToken))
        {
            Consultations = await measures.GetConsultationsAsync(scope, agendaId, cancellationToken),
            Plan = await plans.GetStandingAsync(scope, agendaId, cancellationToken),
            StatusChanges = Measures.EvaluationReader.StatusChanges(
                await measures.GetHistorySinceAsync(scope, agendaId, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), cancellationToken)),
        };
    }
}
