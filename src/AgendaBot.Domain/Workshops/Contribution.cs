using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;

namespace AgendaBot.Domain.Workshops;

/// <summary>
/// One thing a participant brought into a step: an observation, a problem, an example, a goal, a measure.
/// Numbered per workshop; merging and promoting link contributions instead of deleting them.
/// </summary>
public sealed record Contribution
{
    public required string WorkshopId { get; init; }
    public required int Number { get; init; }
    public required WorkshopStep Step { get; init; }
    public required ContributionKind Kind { get; init; }
    public required TeamsUser Author { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? EditedAt { get; init; }
    public bool Hidden { get; init; }

    /// <summary>The contribution this duplicate was merged into.</summary>
    public int? MergedInto { get; init; }

    /// <summary>The contribution (in a later step) this one was promoted to, e.g. a problem that became a goal.</summary>
    public int? PromotedTo { get; init; }

    public BestPracticeDetails? BestPractice { get; init; }
    public GoalAssessment? Goal { get; init; }

    /// <summary>For measure proposals: the goals it serves.</summary>
    public IReadOnlyList<int> LinkedGoals { get; init; } = [];

    /// <summary>Priority rank from voting (1 = highest), if a round ranked it.</summary>
    public int? Priority { get; init; }

    /// <summary>
    /// The person a text the bot wrote names (the owner in a step-6 plan line), kept beside the text so that their
    /// erasure can take the name out of it.
    /// </summary>
    public TeamsUser? Mentioned { get; init; }

    /// <summary>Who brought it in: a participant (its author), or a citizen through the public idea window.</summary>
    public ContributionOrigin Origin { get; init; }

    /// <summary>
    /// A citizen's idea a moderator took into the step the workshop is collecting for: it has no author in Teams, and
    /// the pinboard says where it came from. Steps 1 to 5 only; the plan of step 6 is the workshop's own.
    /// </summary>
    public static Func<Workshop, int, Contribution> FromCitizens(string text, DateTimeOffset now) =>
        (workshop, number) =>
        {
            workshop.EnsureAccepts(workshop.CurrentStep);
            return workshop.CurrentStep == WorkshopStep.TimeAndMeasuresPlan
                ? throw new DomainException(DomainErrorCode.WrongStep, "6")
                : Create(workshop.Id, number, workshop.CurrentStep, TeamsUser.Anonymous, text, now) with { Origin = ContributionOrigin.Citizens };
        };

    /// <summary>A kick-off idea, in the step the workshop collects in now (the first, when it just opened), under its author's name.</summary>
    public static Func<Workshop, int, Contribution> FromKickOff(TeamsUser author, string text, DateTimeOffset now) =>
        (workshop, number) =>
        {
            workshop.EnsureAccepts(workshop.CurrentStep);
            return workshop.CurrentStep == WorkshopStep.TimeAndMeasuresPlan
                ? throw new DomainException(DomainErrorCode.WrongStep, "6")
                : Create(workshop.Id, number, workshop.CurrentStep, author, text, now) with { Origin = ContributionOrigin.KickOff };
        };

    public static Contribution Create(string workshopId, int number, WorkshopStep step, TeamsUser author, string text,
        DateTimeOffset now, BestPracticeDetails? bestPractice = null, GoalAssessment? goal = null, IReadOnlyList<int>? linkedGoals = null) => new()
    {
        WorkshopId = workshopId,
        Number = number,
        Step = step,
        Kind = Steps.KindOf(step),
        Author = author,
        Text = TextLimits.Required(text, TextLimits.ContributionText, "text"),
        CreatedAt = now,
        BestPractice = step == WorkshopStep.BestPractice ? bestPractice?.Validated() : null,
        Goal = step == WorkshopStep.Goals ? goal : null,
        LinkedGoals = step == WorkshopStep.ActionConcept
            ? TextLimits.Bounded(linkedGoals ?? [], TextLimits.ListItems, "linked goals")
            : [],
    };

    /// <summary>Authors may change their own words; moderators anyone's.</summary>
    public Contribution Edit(TeamsUser editor, Role editorRole, string text, DateTimeOffset now)
    {
        var allowed = editor.Id == Author.Id
            ? Permissions.Allows(editorRole, WorkshopAction.EditOwnContribution)
            : Permissions.Allows(editorRole, WorkshopAction.EditAnyContribution);
        return allowed
            ? this with { Text = TextLimits.Required(text, TextLimits.ContributionText, "text"), EditedAt = now }
            : throw new DomainException(DomainErrorCode.NotAllowed, nameof(WorkshopAction.EditAnyContribution));
    }

    public Contribution MergeInto(int target) =>
        target == Number
            ? throw new DomainException(DomainErrorCode.InvalidValue, "merge target")
            : this with { MergedInto = target, Hidden = true };

    /// <summary>After erasure the words stay (the group's work), the link to the person does not.</summary>
    public Contribution Anonymised() => this with { Author = TeamsUser.Anonymous };
}

public enum ContributionOrigin
{
    Participant,
    Citizens,

    /// <summary>A first idea from the agenda's kick-off, taken into the workshop of its field when it opened.</summary>
    KickOff,
}

public sealed record BestPracticeDetails(string Name, string? Place, string? Link, double? TransferabilityMean = null)
{
    public BestPracticeDetails Validated()
    {
        var link = TextLimits.Optional(Link, TextLimits.Url, "link");
        if (link is not null && (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw new DomainException(DomainErrorCode.InvalidValue, "link");
        }

        return this with
        {
            Name = TextLimits.Required(Name, TextLimits.Title, "name"),
            Place = TextLimits.Optional(Place, TextLimits.Title, "place"),
            Link = link,
        };
    }
}

/// <summary>The three questions every goal is judged by in step 4.</summary>
public sealed record GoalAssessment(bool Desirable, bool Necessary, bool Feasible);
