using System.Net;
using System.Text.Json.Nodes;
using AgendaBot.Testing;
using AgendaBot.Tests.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgendaBot.Tests.Telemetry;

/// <summary>
/// A whole conversation through the bot as deployed (channel tokens checked, the bot's own token on every answer),
/// logging everything down to Trace: no log line, span or metric may carry a token, the storage key or what people wrote.
/// </summary>
public sealed class LogSecrecyTests
{
    [Fact]
    public async Task Logs_contain_no_tokens_secrets_or_message_texts()
    {
        var messageText = $"Geheimidee-{Guid.NewGuid():N}";
        var cardInput = $"Kartengeheimnis-{Guid.NewGuid():N}";
        var tooLongInput = $"Überlanggeheimnis-{Guid.NewGuid():N}";
        var outbound = new FixedTokenCredential($"bot-token-{Guid.NewGuid():N}");
        var logs = new CapturingLoggerProvider();
        var captured = new CapturedTelemetry();
        var inboundTokens = new List<string>();
        var tenant = $"tenant-{Guid.NewGuid():N}";
        await using var bot = await SecuredBot.StartAsync(
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
            },
            services =>
            {
                services.AddSingleton<ILoggerProvider>(logs);
                captured.AddTo(services);
            },
            outbound);

        async Task<HttpResponseMessage> SendAsync(JsonObject activity)
        {
            InChannel(activity, tenant);
            var token = bot.OpenId.CreateToken(bot.ValidToken());
            inboundTokens.Add(token);
            var response = await bot.PostAsync(activity, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response;
        }

        var serviceUrl = bot.Connector.ServiceUrl;
        await SendAsync(TeamsActivities.Execute(serviceUrl, "agenda.create", new JsonObject
        {
            ["title"] = "Digitale Agenda Hagenow", ["fieldsOfAction"] = "Verwaltung", ["statusHere"] = "true",
        }));
        await SendAsync(TeamsActivities.Execute(serviceUrl, "workshop.open", new JsonObject { ["fieldOfAction"] = "Verwaltung", ["capacity"] = "15" }));
        var workshopId = bot.Connector.Calls.Select(c => c.Card)
            .Last(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "contribution.add")!["actions"]![0]!["data"]!["workshopId"]!.GetValue<string>();
        await SendAsync(TeamsActivities.Execute(serviceUrl, "workshop.register", new JsonObject { ["workshopId"] = workshopId, ["group"] = "Citizens" }));
        await SendAsync(TeamsActivities.Execute(serviceUrl, "contribution.add",
            new JsonObject { ["workshopId"] = workshopId, ["step"] = 1, ["text"] = cardInput }));
        // Refused (too long): the refusal is logged with its exception.
        await SendAsync(TeamsActivities.Execute(serviceUrl, "contribution.add",
            new JsonObject { ["workshopId"] = workshopId, ["step"] = 1, ["text"] = string.Concat(Enumerable.Repeat(tooLongInput + " ", 60)) }));
        // Teams throttles the answer once: the retry is logged.
        bot.Connector.AnswerNextWith(429, null, ("Retry-After", "0"));
        await SendAsync(TeamsActivities.ChannelMention(serviceUrl, $"idee {messageText}"));
        // Teams fails the answer: the failure is logged with its exception, and the bot apologises.
        bot.Connector.AnswerNextWith(500);
        await SendAsync(TeamsActivities.ChannelMention(serviceUrl, $"idee {messageText}-2"));
        // Ideas in quick succession reach the pinboard by a trailing redraw a moment later: its logs belong in the check.
        await Delivery.Eventually.ReturnsAsync(
            () => Task.FromResult(bot.Server.Services.GetRequiredService<AgendaBot.Features.Contributions.PinboardPublisher>().IsSettled), settled => settled);

        await bot.Server.DisposeAsync(); // flushes the exporters
        var everything = logs.Lines.Concat(captured.Logs).Concat(captured.SpanTexts()).Concat(captured.MetricTexts()).ToList();

        // The conversation really happened, and everything was captured down to Trace.
        Assert.Contains(bot.Connector.Calls, c => c.Body?.ToJsonString().Contains(messageText, StringComparison.Ordinal) == true);
        Assert.Contains(bot.Connector.Calls, c => c.Authorization == $"Bearer {outbound.Token}");
        Assert.Contains(logs.Lines, l => l.StartsWith("Trace System.Net.Http.HttpClient", StringComparison.Ordinal) && l.Contains("Authorization", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("Could not tell", StringComparison.Ordinal) || l.Contains("failed", StringComparison.Ordinal));
        Assert.Contains(captured.Logs, l => l.Contains("retrying", StringComparison.Ordinal));
        Assert.Contains(captured.SpanTexts(), s => s.Contains("connector ReplyToActivity", StringComparison.Ordinal));
        Assert.Contains(captured.SpanTexts(), s => s.StartsWith("Azure.Data.Tables", StringComparison.Ordinal));

        var accountKey = AzuriteServer.Shared.ConnectionString.Split(';')
            .Single(p => p.StartsWith("AccountKey=", StringComparison.Ordinal))["AccountKey=".Length..];
        string[] secrets =
        [
            messageText, cardInput, tooLongInput, outbound.Token, accountKey,
            .. inboundTokens, .. inboundTokens.Select(t => t.Split('.')[2]),
        ];
        foreach (var secret in secrets)
        {
            var leak = everything.FirstOrDefault(line => line.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"'{secret[..Math.Min(24, secret.Length)]}…' appears in: {leak}");
        }
    }

    /// <summary>Puts an activity into the team channel of this test's own tenant.</summary>
    private static void InChannel(JsonObject activity, string tenant)
    {
        activity["conversation"] = new JsonObject
        {
            ["id"] = "19:workshop@thread.tacv2;messageid=1", ["conversationType"] = "channel", ["tenantId"] = tenant,
        };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = tenant },
            ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
            ["channel"] = new JsonObject { ["id"] = "19:workshop@thread.tacv2" },
        };
    }
}
