using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Storage.Agendas;

namespace AgendaBot.Features.Publishing;

/// <summary>
/// "name öffentlich": the person agrees that the public pages name them beside the measures they are responsible for.
/// Their own decision, so only in their personal chat; without it the pages name the unit or role.
/// </summary>
[UsedIn(CommandScopes.Personal)]
public sealed class AgreeToPublicName(PublicNames names, TimeProvider time) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (!turn.IsPersonalChat)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.PublicNameOnlyPersonal], cancellationToken);
            return;
        }

        await names.AgreeAsync(turn.Tenant, turn.User.Id, time.GetUtcNow(), cancellationToken);
        await turn.ReplyAsync(turn.Texts[TextKey.PublicNameAgreed], cancellationToken);
    }
}

/// <summary>"name nicht öffentlich": the agreement is withdrawn; the pages stop naming the person.</summary>
[UsedIn(CommandScopes.Personal)]
public sealed class WithdrawPublicName(PublicNames names) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (!turn.IsPersonalChat)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.PublicNameOnlyPersonal], cancellationToken);
            return;
        }

        var withdrawn = await names.WithdrawAsync(turn.Tenant, turn.User.Id, cancellationToken);
        await turn.ReplyAsync(turn.Texts[withdrawn ? TextKey.PublicNameWithdrawn : TextKey.PublicNameNothingToWithdraw], cancellationToken);
    }
}
