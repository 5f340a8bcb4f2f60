using AgendaBot.Infrastructure.Delivery;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgendaBot.Features.Conversations;

public static class ConversationsFeature
{
    /// <summary>Where the bot may post later, in which language, and who hears of a chat that blocks it.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services) => services
        .Replace(ServiceDescriptor.Singleton<IWritesBlockedNotice, TellLeadAboutBlockedConversation>());
}
