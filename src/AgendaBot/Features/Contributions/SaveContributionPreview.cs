using System.Security.Cryptography;
using System.Text;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Contributions;

/// <summary>
/// "Speichern" on the preview of a personal-chat text. Checked again now, whatever the card says: the person still
/// takes part in the workshop, the step is still collecting, their pace allows it. The preview's identity is the
/// store's dedupe key, so a second click — or Teams delivering the first twice — shows the same saved contribution.
/// </summary>
[UsedIn(CommandScopes.Personal, Elsewhere = TextKey.PreviewOnlyInPersonalChat)]
public sealed class SaveContributionPreview(ChatWorkshops mine, WorkshopRepository workshops, PinboardPublisher pinboard, ContributionPace pace,
    TimeProvider time) : ICardActionHandler<ContributionPreviewData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, ContributionPreviewData input, CancellationToken cancellationToken)
    {
        var (workshopId, step) = input.Destination() ?? throw new DomainException(DomainErrorCode.InvalidValue, "workshop");
        var here = await mine.OneAsync(turn, workshopId, cancellationToken)
            ?? throw new DomainException(DomainErrorCode.NotRegistered, "workshop");
        var key = KeyOf(turn, input);
        if (pace.TryTake(turn, here.Value.Id) is { } refusal)
        {
            return await workshops.FindContributionOfActivityAsync(turn.Tenant, here.Value.Id, key, cancellationToken) is { } earlier
                ? new CardActionResult.ReplaceCard(ContributionPreviewCard.Saved(earlier, here.Value, turn.Texts))
                : new CardActionResult.Message(refusal);
        }

        var outcome = await pace.StoreAsync(turn, here.Value.Id, () => workshops.AddContributionAsync(turn.Tenant, here.Value.Id, key,
            ContributionFactory.FromPreview(input.Text, ContributionFactory.Step(step), turn.User, time.GetUtcNow()), cancellationToken));
        if (!outcome.WasDuplicate)
        {
            await pinboard.RefreshAsync(turn, here.Value.Id, cancellationToken);
        }

        return new CardActionResult.ReplaceCard(ContributionPreviewCard.Saved(outcome.Contribution, here.Value, turn.Texts));
    }

    /// <summary>
    /// The preview's dedupe key: bound to the person, so an id copied from someone else's card names nothing of theirs.
    /// </summary>
    internal static string KeyOf(TurnContext turn, ContributionPreviewData input) =>
        "preview-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{turn.User.Id}\n{input.PreviewId}")))[..32];
}
