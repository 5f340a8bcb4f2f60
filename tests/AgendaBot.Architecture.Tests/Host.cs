using NetArchTest.Rules;

namespace AgendaBot.Architecture.Tests;

/// <summary>
/// Inside the host, the front doors (Bot, Web) hand requests to features they do not know (the route table names them),
/// infrastructure serves everyone and knows none of them, and features speak storage types, not the Azure SDK's.
/// </summary>
public sealed class Host
{
    [Theory]
    [InlineData("AgendaBot.Bot")]
    [InlineData("AgendaBot.Web")]
    public void Front_doors_do_not_know_the_features(string frontDoor) =>
        Rules.Hold(Rules.Types(Assemblies.Host).That().ResideInNamespaceMatching(Rules.Within(frontDoor))
            .Should().NotHaveDependencyOnAny("AgendaBot.Features"));

    // The turn gives features its tenant id and the features' TurnTenant makes the storage scope of it; only the
    // endpoint asks storage whether a failure was an outage (StorageOutage), to say so to the user.
    [Fact]
    public void Bot_front_door_does_not_know_storage() =>
        Rules.Hold(Rules.Types(Assemblies.Host).That().ResideInNamespaceMatching(Rules.Within("AgendaBot.Bot"))
            .And().DoNotResideInNamespace("AgendaBot.Bot.Endpoint")
            // Durable posts go to the outbox, which is keyed by the storage's tenant scope.
            .And().DoNotHaveName("DurablePosts")
            .Should().NotHaveDependencyOnAny("AgendaBot.Storage"));

    [Fact]
    public void Infrastructure_knows_no_feature_and_no_front_door() =>
        Rules.Hold(Rules.Types(Assemblies.Host).That().ResideInNamespaceMatching(Rules.Within("AgendaBot.Infrastructure"))
            .Should().NotHaveDependencyOnAny(
                "AgendaBot.Features", "AgendaBot.Web",
                // Every part of the bot's front door but its localisation, which everyone speaks.
                "AgendaBot.Bot.Endpoint", "AgendaBot.Bot.Routing", "AgendaBot.Bot.Cards", "AgendaBot.Bot.Posting", "AgendaBot.Bot.BotFrontDoor"));

    // Known exceptions, to go when storage wraps the row version it hands out (its API names Azure.ETag today):
    // the known voter's registration (VotingRepository.CastAsKnownVoterAsync) and the plan post's claim
    // (PlanFollowUpStore.TryClaimPlanPostAsync / ReleasePlanPostAsync).
    private static readonly string[] StillHoldingAnETag =
    [
        "KnownVoter", "SubmitBallot", "PlanSummaryPublisher",
    ];

    [Fact]
    public void Features_do_not_use_Azure_SDK_types() =>
        Rules.Hold(Rules.Types(Assemblies.Host).That().ResideInNamespaceMatching(Rules.Within("AgendaBot.Features"))
            .And().DoNotHaveNameMatching(Rules.AnyOf(StillHoldingAnETag))
            .Should().NotHaveDependencyOnAny(Rules.AzureSdk));

    [Fact]
    public void Front_doors_do_not_use_storage_SDK_types() =>
        Rules.Hold(Rules.Types(Assemblies.Host).That().ResideInNamespaceMatching(Rules.Within("AgendaBot.Bot"))
            .Or().ResideInNamespaceMatching(Rules.Within("AgendaBot.Web"))
            .Should().NotHaveDependencyOnAny("Azure.Data", "Azure.Storage", "Azure.RequestFailedException", "Azure.ETag"));
}
