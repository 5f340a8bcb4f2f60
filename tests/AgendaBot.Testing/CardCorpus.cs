using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgendaBot.Testing;

/// <summary>
/// Every Adaptive Card the bot sends during the tests, written to <c>artifacts/cards/&lt;scenario&gt;-&lt;n&gt;.json</c>.
/// <c>scripts/cards/check-cards.mjs</c> validates and renders them after the tests, so a card Teams would show blank
/// is caught whichever handler and test produced it — new cards join without anybody listing them.
/// </summary>
public static class CardCorpus
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    // Umlauts stay readable in the files; they are test artifacts, never embedded in HTML.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Test class name → the test running in it now. xunit runs the tests of one class one after another.
    private static readonly ConcurrentDictionary<string, string> RunningTests = new();

    public static string Folder { get; } = System.IO.Path.Combine(RepositoryRoot.Path, "artifacts", "cards");

    /// <summary>Called before each test, so that its cards are named after it.</summary>
    public static void TestStarting(string testClass, string testName) => RunningTests[testClass] = testName;

    /// <summary>Called after each test: cards sent between tests (set-up, clean-up) are named after the class alone.</summary>
    public static void TestFinished(string testClass) => RunningTests.TryRemove(testClass, out _);

    /// <summary>
    /// The scenario name for cards recorded on behalf of the test class in <paramref name="callerFilePath"/>
    /// (a file is named after its class): "Class.Test" while a test runs, else "Class".
    /// </summary>
    public static string ScenarioFor(string callerFilePath)
    {
        var testClass = System.IO.Path.GetFileNameWithoutExtension(callerFilePath);
        return RunningTests.TryGetValue(testClass, out var test) ? $"{testClass}.{test}" : testClass;
    }

    /// <summary>Writes every Adaptive Card attachment of an activity the bot sent, each under the scenario it names.</summary>
    public static void WriteAttachments(Func<JsonNode, string> scenarioOf, JsonNode? activity)
    {
        if (activity?["attachments"] is not JsonArray attachments)
        {
            return;
        }

        foreach (var attachment in attachments)
        {
            if (attachment?["contentType"]?.GetValue<string>() == AdaptiveCardContentType && attachment["content"] is { } card)
            {
                Write(scenarioOf(card), card);
            }
        }
    }

    /// <summary>Writes an invoke response's card (the card that replaces the clicked one), if it carries one.</summary>
    public static void WriteInvokeResponse(string scenario, JsonNode? response)
    {
        if (response?["type"]?.GetValue<string>() == AdaptiveCardContentType && response["value"] is { } card)
        {
            Write(scenario, card);
        }
    }

    /// <summary>Writes one card as <c>&lt;scenario&gt;-&lt;n&gt;.json</c> with the first free n; returns the path.</summary>
    public static string Write(string scenario, JsonNode card)
    {
        Directory.CreateDirectory(Folder);
        var name = SafeName(scenario);
        var json = Encoding.UTF8.GetBytes(card.ToJsonString(Indented));
        // CreateNew claims a number atomically, so parallel tests (and test processes) never overwrite each other.
        for (var n = 1; ; n++)
        {
            var path = System.IO.Path.Combine(Folder, $"{name}-{n}.json");
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                file.Write(json);
                return path;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Taken: try the next number.
            }
        }
    }

    private static string SafeName(string scenario)
    {
        var name = new StringBuilder(scenario.Length);
        foreach (var c in scenario)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        return name.Length == 0 ? "card" : name.ToString();
    }
}
