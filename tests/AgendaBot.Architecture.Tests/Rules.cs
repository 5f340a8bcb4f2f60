using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace AgendaBot.Architecture.Tests;

internal static class Rules
{
    /// <summary>The namespaces of the Azure SDK (Azure.Core, Azure.Data.Tables, Azure.Storage.Queues, Azure.Identity…).</summary>
    public static readonly string[] AzureSdk = ["Azure"];

    private static readonly string[] OurRoots =
    [
        "AgendaBot.Protocol", "AgendaBot.Domain", "AgendaBot.Storage",
        "AgendaBot.Bot", "AgendaBot.Web", "AgendaBot.Features", "AgendaBot.Infrastructure", "AgendaBot.AgendaBotHost", "AgendaBot.Program",
    ];

    /// <summary>A pattern for a namespace and the namespaces inside it.</summary>
    public static string Within(string name) => $"^{Regex.Escape(name)}(\\.|$)";

    /// <summary>A pattern for exactly these type names.</summary>
    public static string AnyOf(IEnumerable<string> names) => "^(" + string.Join("|", names.Select(Regex.Escape)) + ")$";

    public static string Exactly(string name) => $"^{Regex.Escape(name)}$";

    public static Types Types(Assembly assembly) => NetArchTest.Rules.Types.InAssembly(assembly);

    public static string[] Ours(params string[] except) => [.. OurRoots.Except(except)];

    public static void Hold(ConditionList rule) => Hold(rule.GetResult());

    public static void Hold(TestResult result) =>
        Assert.True(result.IsSuccessful, "Broken by:\n" + string.Join("\n",
            (result.FailingTypes ?? []).Select(type => $"  {type.FullName}: {type.Explanation}")));
}
