using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Features;
using AgendaBot.Features.Help;
using AgendaBot.Features.Privacy;
using AgendaBot.Features.Workshops;

namespace AgendaBot.Tests;

public sealed class RouteTableTests
{
    [Fact]
    public void A_command_keyword_registered_twice_stops_the_start()
    {
        var routes = new RouteTable().Command<ShowHelp>("hilfe");

        var failure = Assert.Throws<InvalidOperationException>(() => routes.Command<ShowHelp>("HILFE"));

        Assert.Contains("hilfe", failure.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_card_verb_registered_twice_stops_the_start()
    {
        var routes = new RouteTable().Verb<ShowHelpFromCard>(CardVerbs.ShowHelp);

        Assert.Throws<InvalidOperationException>(() => routes.Verb<ShowHelpFromCard>(CardVerbs.ShowHelp));
    }

    [Fact]
    public void The_feature_routes_bind_help_in_both_languages()
    {
        var routes = FeatureRoutes.Build();

        Assert.Equal(typeof(ShowHelp), routes.CommandFor("hilfe"));
        Assert.Equal(typeof(ShowHelp), routes.CommandFor("Help"));
        Assert.Null(routes.CommandFor("wetter"));
    }

    [Fact]
    public void Every_workshop_card_declares_the_role_it_needs_before_its_handler_runs()
    {
        var workshopCards = FeatureRoutes.Build().AllHandlerTypes.Where(IsWorkshopCardHandler).ToList();

        Assert.NotEmpty(workshopCards);
        Assert.All(workshopCards, handler => RequiresAttribute.Of(handler));
    }

    [Fact]
    public void No_card_handler_reads_its_data_itself()
    {
        // The route table reads a verb's data into its record; a handler taking raw JSON would bypass that. Only
        // buttons that carry nothing the handler reads may take it.
        var raw = FeatureRoutes.Build().AllHandlerTypes.Where(t => typeof(ICardActionHandler).IsAssignableFrom(t)).ToHashSet();

        Assert.Equal(new HashSet<Type> { typeof(ShowHelpFromCard), typeof(EraseMyData), typeof(CancelErasure) }, raw);
    }

    [Fact]
    public void A_card_verb_for_the_channel_says_where_to_go_instead()
    {
        var channelOnly = FeatureRoutes.Build().AllHandlerTypes.Where(IsCardHandler)
            .Select(UsedInAttribute.Of).OfType<UsedInAttribute>()
            .Where(u => !u.Scopes.HasFlag(CommandScopes.Personal) || u.Scopes == CommandScopes.Personal).ToList();

        Assert.NotEmpty(channelOnly);
        Assert.All(channelOnly, u => Assert.NotEqual(TextKey.UnknownCardAction, u.Elsewhere));
    }

    private static bool IsCardHandler(Type type) =>
        typeof(ICardActionHandler).IsAssignableFrom(type)
        || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICardActionHandler<>));

    private static bool IsWorkshopCardHandler(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(WorkshopCardHandler<>))
            {
                return true;
            }
        }

        return false;
    }
}
