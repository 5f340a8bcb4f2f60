using AgendaBot.Bot.Routing;
using AgendaBot.Features;
using AgendaBot.Features.Help;

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
}
