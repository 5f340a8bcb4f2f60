using System.Reflection;
using AgendaBot.Testing;
using Xunit.Sdk;

[assembly: AgendaBot.Tests.NameCardsAfterTest]

namespace AgendaBot.Tests;

/// <summary>
/// Tells the card corpus which test runs in each test class, so that the cards in <c>artifacts/cards</c> are named
/// after the test that made the bot send them (for the reviewer of the card gallery).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class)]
public sealed class NameCardsAfterTestAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest) =>
        CardCorpus.TestStarting(methodUnderTest.ReflectedType?.Name ?? "Test", methodUnderTest.Name);

    // xunit runs IAsyncLifetime.InitializeAsync before Before: without this, the set-up of the next test would send
    // its cards under the name of the test that ran before it.
    public override void After(MethodInfo methodUnderTest) => CardCorpus.TestFinished(methodUnderTest.ReflectedType?.Name ?? "Test");
}
