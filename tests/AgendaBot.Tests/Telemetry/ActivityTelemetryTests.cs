using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;

namespace AgendaBot.Tests.Telemetry;

/// <summary>Each activity is counted by type, route and outcome, and handled inside a span that names no text.</summary>
public sealed class ActivityTelemetryTests : IAsyncLifetime
{
    private const string Activities = "agendabot.activities";

    private readonly CapturedTelemetry captured = new();
    private RecordingConnector connector = null!;
    private BotServer bot = null!;
    private BotMeasurements measurements = null!;

    public async Task InitializeAsync()
    {
        connector = await RecordingConnector.StartAsync();
        bot = new BotServer(new Dictionary<string, string?> { ["Connector:BaseDelay"] = "00:00:00.010" }, captured.AddTo);
        measurements = new BotMeasurements(bot.Services);
    }

    public async Task DisposeAsync()
    {
        measurements.Dispose();
        await bot.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task Handled_message_is_counted_by_type_and_outcome()
    {
        await PostAsync(TeamsActivities.Message(connector.ServiceUrl, "hilfe"));

        Assert.Equal(1, measurements.Sum(Activities, ("agendabot.activity.type", "message"), ("agendabot.route", "ShowHelp"),
            ("agendabot.outcome", "handled")));
        Assert.Equal(1, measurements.Sum(Activities));
        Assert.Single(measurements.Matching("agendabot.activity.duration", ("agendabot.outcome", "handled")));
    }

    [Fact]
    public async Task Unknown_command_is_counted_as_unrouted()
    {
        await PostAsync(TeamsActivities.ChannelMention(connector.ServiceUrl, "tanzen"));

        Assert.Equal(1, measurements.Sum(Activities, ("agendabot.activity.type", "message"), ("agendabot.route", "none"),
            ("agendabot.outcome", "unrouted")));
    }

    [Fact]
    public async Task Card_action_the_domain_refuses_is_counted_as_refused()
    {
        // A contribution for a workshop that does not exist: refused, and the user told why.
        await PostAsync(TeamsActivities.Execute(connector.ServiceUrl, "contribution.add",
            new JsonObject { ["workshopId"] = "no-such-workshop", ["step"] = 1, ["text"] = "Idee" }));

        Assert.Equal(1, measurements.Sum(Activities, ("agendabot.activity.type", "invoke"), ("agendabot.route", "contribution.add"),
            ("agendabot.outcome", "refused")));
    }

    [Fact]
    public async Task Failed_handling_is_counted_as_failed()
    {
        connector.AnswerNextWith(500);

        await PostAsync(TeamsActivities.Message(connector.ServiceUrl, "hilfe"));

        Assert.Equal(1, measurements.Sum(Activities, ("agendabot.route", "ShowHelp"), ("agendabot.outcome", "failed")));
    }

    [Fact]
    public async Task Activity_type_nobody_defined_is_counted_as_other()
    {
        var activity = TeamsActivities.Message(connector.ServiceUrl, "hilfe");
        activity["type"] = "madeUpTypeNumber" + Guid.NewGuid().ToString("N");

        await PostAsync(activity);

        Assert.Equal(1, measurements.Sum(Activities, ("agendabot.activity.type", "other"), ("agendabot.outcome", "unrouted")));
    }

    [Fact]
    public async Task Handling_span_names_type_route_and_outcome()
    {
        var activity = TeamsActivities.Message(connector.ServiceUrl, "hilfe");

        await PostAsync(activity);

        var span = Assert.Single(captured.TraceOf(activity["id"]!.GetValue<string>()), s => s.Source.Name == "AgendaBot" && s.DisplayName == "handle message");
        Assert.Equal("ShowHelp", span.GetTagItem("agendabot.route"));
        Assert.Equal("handled", span.GetTagItem("agendabot.outcome"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task Connector_call_is_traced_with_its_status()
    {
        connector.AnswerNextWith(503);
        var activity = TeamsActivities.Message(connector.ServiceUrl, "hilfe");

        await PostAsync(activity);

        // Each attempt is its own span inside the handling span: the refused one and the retry that got through.
        var trace = captured.TraceOf(activity["id"]!.GetValue<string>());
        var handling = trace.Single(s => s.DisplayName == "handle message");
        var calls = trace.Where(s => s.DisplayName == "connector ReplyToActivity").OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal([503, 200], calls.Select(s => (int)s.GetTagItem("http.response.status_code")!));
        Assert.All(calls, call => Assert.Equal(ActivityKind.Client, call.Kind));
        Assert.All(calls, call => Assert.Equal(handling.SpanId, call.ParentSpanId));
        Assert.Equal(ActivityStatusCode.Error, calls[0].Status);
        Assert.Equal(1, measurements.Sum("agendabot.connector.calls", ("agendabot.connector.operation", "ReplyToActivity"),
            ("http.response.status_code", "503")));
        Assert.Equal(1, measurements.Sum("agendabot.connector.calls", ("agendabot.connector.operation", "ReplyToActivity"),
            ("http.response.status_code", "200")));
    }

    [Fact]
    public async Task Storage_calls_are_traced_inside_the_handling()
    {
        // Installing the bot stores the conversation reference: a Table Storage call of the Azure SDK.
        var activity = TeamsActivities.Installed(connector.ServiceUrl);

        await PostAsync(activity);

        var trace = captured.TraceOf(activity["id"]!.GetValue<string>());
        Assert.Contains(trace, span => span.Source.Name.StartsWith("Azure.Data.Tables", StringComparison.Ordinal));
    }

    private async Task PostAsync(JsonObject activity)
    {
        using var response = await bot.Http.PostAsJsonAsync("api/messages", activity);
        response.EnsureSuccessStatusCode();
    }
}
