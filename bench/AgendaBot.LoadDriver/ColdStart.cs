using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AgendaBot.LoadDriver;

/// <summary>One cold start: from process start to the first answered turn, or to the first answered ballot.</summary>
internal sealed record ColdStartResult(string Build, double[] FirstTurnMs, double[] FirstBallotMs)
{
    public static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>
/// Cold starts, as after an App Service restart or a scale-out: a fresh bot process each time against the storage the
/// running one uses (tables exist, the workshop and an open round are there), sending its first request as soon as it
/// listens. First turn: "hilfe" in an installed person's personal chat. First ballot: a registered voter's first ballot
/// in an open round — a separate fresh process, so neither warms the other.
/// </summary>
internal sealed class ColdStart(HttpClient http, Channel channel, ConnectorStandIn connector, string workshop, string connectionString, string logDirectory)
{
    public async Task<ColdStartResult> MeasureAsync(string build, string dll, int runs, int firstVoter)
    {
        var round = await channel.StartRoundAsync(workshop);
        var turns = new double[runs];
        var ballots = new double[runs];
        for (var run = 0; run < runs; run++)
        {
            turns[run] = await TimeToFirstAnswerAsync(dll, $"{build}-turn-{run}", TurnLevel.Hilfe(connector.ServiceUrl, TurnPlace.PersonalChat, 0), _ => true);
            ballots[run] = await TimeToFirstAnswerAsync(dll, $"{build}-ballot-{run}", channel.Ballot(workshop, round, firstVoter + run, 0),
                answer => answer?["statusCode"]?.GetValue<int>() == 200);
        }

        return new ColdStartResult(build, turns, ballots);
    }

    private async Task<double> TimeToFirstAnswerAsync(string dll, string name, JsonObject request, Func<JsonObject?, bool> answered)
    {
        using var bot = BotProcess.Launch(dll, connectionString, Path.Combine(logDirectory, $"cold-{name}.log"));
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.PostAsJsonAsync(new Uri(bot.BaseAddress, "api/messages"), request);
                if (response.IsSuccessStatusCode && answered(request["type"]?.GetValue<string>() == "invoke" ? await response.Content.ReadFromJsonAsync<JsonObject>() : null))
                {
                    return Stopwatch.GetElapsedTime(bot.StartedAt).TotalMilliseconds;
                }

                throw new InvalidOperationException($"{name}: the bot answered {(int)response.StatusCode} without the expected answer.");
            }
            catch (HttpRequestException)
            {
                // Not listening yet: ask again at once, as Teams' retry would only later.
                await Task.Delay(5);
            }
        }

        throw new TimeoutException($"{name}: no answer within 120 s.");
    }
}
