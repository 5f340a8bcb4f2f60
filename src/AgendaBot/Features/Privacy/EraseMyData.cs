using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Posting;
using AgendaBot.Bot.Routing;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Storage.Delivery;
using AgendaBot.Storage.PersonalData;

namespace AgendaBot.Features.Privacy;

/// <summary>
/// The user confirmed erasure. Whose data is erased comes from the activity's sender, never from the card, so a
/// forwarded or tampered card cannot erase somebody else.
/// The cards the bot posted that name the person are drawn again without them: found before storage is cleaned
/// (afterwards nothing says where the person was), put into the outbox held back, and released once storage is clean.
/// Each is drawn from storage when it is delivered, so it shows the cleaned state; if the bot dies before the release,
/// the hold runs out and they are delivered anyway.
/// </summary>
[UsedIn(CommandScopes.Personal, Elsewhere = TextKey.PersonalDataOnlyInPersonalChat)]
public sealed class EraseMyData(PersonalDataService personalData, IEnumerable<IRedrawnCards> redraws, PostedCardsReach reach, Poster poster,
    ErasuresInProgress inProgress, Workshops.ChannelSteering channels) : ICardActionHandler
{
    /// <summary>Longer than any erasure takes, so that a held redraw never draws a half-cleaned state while the erasure still runs.</summary>
    public static readonly TimeSpan HeldFor = TimeSpan.FromMinutes(5);

    public async Task<CardActionResult> HandleAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        using var alone = await inProgress.EnterAsync(turn.Tenant.TenantId, turn.User.Id, cancellationToken);
        var where = await personalData.ReachAsync(turn.Tenant, turn.User.Id, cancellationToken);
        var held = new List<HeldPost>();
        foreach (var redraw in redraws)
        {
            foreach (var card in await redraw.FindAsync(turn.Tenant, where, turn.User.Id, cancellationToken))
            {
                await reach.EnsureAsync(turn, card.ConversationId, cancellationToken);
                held.Add(await poster.Durable.EnqueueHeldAsync(turn.Tenant, ProactivePost.Redrawn(redraw.Kind, card),
                    KeyOf(turn, redraw.Kind, card), HeldFor, card.AgendaId, cancellationToken));
            }
        }

        var changed = await personalData.EraseAsync(turn.Tenant, turn.User.Id, cancellationToken);
        // The person may have moderated or led somewhere: help must not offer them (or see them as) steering any more.
        channels.ForgetAll();
        await poster.Durable.ReleaseAsync(held, cancellationToken);
        if (changed == 0 && held.Count == 0)
        {
            return new CardActionResult.ReplaceCard(EraseCard.Done(turn.Texts[TextKey.MyDataEraseAlreadyDone], turn.Texts));
        }

        // The answer takes the card's place, so that neither button can be clicked on it again.
        var redrawn = held.Count > 0 ? $"\n\n{turn.Texts.Format(TextKey.PersonalDataErasedCards, held.Count)}" : string.Empty;
        return new CardActionResult.ReplaceCard(EraseCard.Done(
            $"{turn.Texts.Format(TextKey.PersonalDataErased, changed)}{redrawn}\n\n{turn.Texts[TextKey.PersonalDataErasedUnreachable]}", turn.Texts));
    }

    // One redraw per card and click: the same click delivered twice draws each card once. Hashed, as conversation and
    // activity ids are long; it names no person.
    private static string KeyOf(TurnContext turn, string kind, PostedCardToRedraw card) =>
        "erased|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{turn.Activity.Id}\n{kind}\n{card.ConversationId}\n{card.ActivityId}\n{card.Reference}")))[..40];
}
