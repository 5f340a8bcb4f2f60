using System.Globalization;
using System.Text.RegularExpressions;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Contributions;

/// <summary>Shared by the moderation commands: find a numbered contribution of this channel's workshop, answer, refresh.</summary>
public sealed partial class ModerationDesk(WorkshopFinder finder, WorkshopRepository workshops, PinboardPublisher pinboard)
{
    public WorkshopFinder Finder => finder;

    public WorkshopRepository Workshops => workshops;

    public async Task<Versioned<Contribution>?> FindAsync(TurnContext turn, WorkshopContext here, int number, CancellationToken cancellationToken)
    {
        var found = await workshops.GetContributionAsync(turn.Tenant, here.Value.Id, number, cancellationToken);
        if (found is null)
        {
            await turn.ReplyAsync(turn.Texts.Format(TextKey.ContributionNotFound, number), cancellationToken);
        }

        return found;
    }

    public async Task DoneAsync(TurnContext turn, WorkshopContext here, int number, CancellationToken cancellationToken)
    {
        await pinboard.RefreshAsync(turn, here.Value.Id, cancellationToken);
        await turn.ReplyAsync(turn.Texts.Format(TextKey.ModerationDone, number), cancellationToken);
    }

    public static Task UsageAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.ReplyAsync(turn.Texts[TextKey.ModerationUsage], cancellationToken);

    /// <summary>"3 rest of text" → (3, "rest of text").</summary>
    public static (int Number, string Remainder)? NumberAndRest(string arguments)
    {
        var match = LeadingNumber().Match(arguments);
        return match.Success ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value.Trim()) : null;
    }

    [GeneratedRegex(@"^#?(\d{1,6})\b\s*(.*)$", RegexOptions.Singleline)]
    private static partial Regex LeadingNumber();
}

/// <summary>"bearbeiten 3 neuer Text": authors change their own words, moderators anyone's.</summary>
public sealed class EditContribution(ModerationDesk desk, TimeProvider time) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (ModerationDesk.NumberAndRest(arguments) is not ({ } number, { Length: > 0 } text))
        {
            await ModerationDesk.UsageAsync(turn, cancellationToken);
            return;
        }

        var here = await desk.Finder.RequireHereAsync(turn, cancellationToken);
        if (await desk.FindAsync(turn, here, number, cancellationToken) is not { } found)
        {
            return;
        }

        var edited = found.Value.Edit(turn.User, here.Role ?? throw new DomainException(DomainErrorCode.NotRegistered), text, time.GetUtcNow());
        await desk.Workshops.UpdateContributionsAsync(turn.Tenant, here.Value.Id, [found with { Value = edited }], cancellationToken);
        await desk.DoneAsync(turn, here, number, cancellationToken);
    }
}

/// <summary>"ausblenden 3": a moderator takes a contribution off the pinboard (it stays stored).</summary>
public sealed class HideContribution(ModerationDesk desk) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (ModerationDesk.NumberAndRest(arguments) is not ({ } number, _))
        {
            await ModerationDesk.UsageAsync(turn, cancellationToken);
            return;
        }

        var here = await desk.Finder.RequireHereAsync(turn, cancellationToken);
        here.Require(WorkshopAction.HideContribution);
        if (await desk.FindAsync(turn, here, number, cancellationToken) is not { } found)
        {
            return;
        }

        await desk.Workshops.UpdateContributionsAsync(turn.Tenant, here.Value.Id, [found with { Value = found.Value with { Hidden = true } }], cancellationToken);
        await desk.DoneAsync(turn, here, number, cancellationToken);
    }
}

/// <summary>"zusammenführen 5 in 2": a duplicate is merged into the contribution it repeats; both change together or neither.</summary>
public sealed class MergeContributions(ModerationDesk desk) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var numbers = arguments.Split([' ', ',', '#'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .OfType<int>().ToList();
        if (numbers.Count != 2)
        {
            await ModerationDesk.UsageAsync(turn, cancellationToken);
            return;
        }

        var here = await desk.Finder.RequireHereAsync(turn, cancellationToken);
        here.Require(WorkshopAction.MergeContributions);
        if (await desk.FindAsync(turn, here, numbers[0], cancellationToken) is not { } duplicate
            || await desk.FindAsync(turn, here, numbers[1], cancellationToken) is not { } target)
        {
            return;
        }

        // The target is written unchanged: its ETag makes the merge fail if someone edited it meanwhile.
        await desk.Workshops.UpdateContributionsAsync(turn.Tenant, here.Value.Id,
            [duplicate with { Value = duplicate.Value.MergeInto(target.Value.Number) }, target], cancellationToken);
        await desk.DoneAsync(turn, here, numbers[0], cancellationToken);
    }
}

/// <summary>"übernehmen 4": an earlier contribution (a problem) becomes one of the current step (a goal), linked both ways.</summary>
public sealed class PromoteContribution(ModerationDesk desk, TimeProvider time) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (ModerationDesk.NumberAndRest(arguments) is not ({ } number, _))
        {
            await ModerationDesk.UsageAsync(turn, cancellationToken);
            return;
        }

        var here = await desk.Finder.RequireHereAsync(turn, cancellationToken);
        here.Require(WorkshopAction.PromoteContribution);
        if (await desk.FindAsync(turn, here, number, cancellationToken) is not { } source)
        {
            return;
        }

        if (source.Value.Step >= here.Value.CurrentStep)
        {
            throw new DomainException(DomainErrorCode.WrongStep, "promote");
        }

        var copy = await desk.Workshops.AddContributionAsync(turn.Tenant, here.Value.Id, turn.Activity.Id ?? Guid.NewGuid().ToString("N"),
            (workshop, next) =>
            {
                workshop.EnsureAccepts(workshop.CurrentStep);
                return Contribution.Create(workshop.Id, next, workshop.CurrentStep, source.Value.Author, source.Value.Text, time.GetUtcNow());
            }, cancellationToken);
        await desk.Workshops.UpdateContributionsAsync(turn.Tenant, here.Value.Id,
            [source with { Value = source.Value with { PromotedTo = copy.Contribution.Number } }], cancellationToken);
        await desk.DoneAsync(turn, here, copy.Contribution.Number, cancellationToken);
    }
}
