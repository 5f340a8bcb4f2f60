using System.Net;
using System.Text;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;

namespace AgendaBot.Reliability.Tests.Security;

/// <summary>
/// Bodies beyond the default limit (256 KiB) get 413, whether they announce their length or stream it chunked, and the
/// bot stays healthy. Builds on AgendaBot.Tests/BadInputTests.An_oversized_body_is_refused_with_413 (a configured limit).
/// </summary>
public sealed class RequestSizeTests : IAsyncLifetime
{
    private RecordingConnector connector = null!;
    private BotServer bot = null!;

    public async Task InitializeAsync()
    {
        connector = await RecordingConnector.StartAsync();
        bot = new BotServer();
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await connector.DisposeAsync();
    }

    private byte[] MessageOf(int textLength) =>
        Encoding.UTF8.GetBytes(TeamsActivities.Message(connector.ServiceUrl, new string('x', textLength)).ToJsonString());

    [Theory]
    [InlineData(300_000, false)]
    [InlineData(300_000, true)]
    [InlineData(2_000_000, false)]
    [InlineData(2_000_000, true)]
    public async Task An_oversized_body_gets_413_and_the_bot_stays_up(int textLength, bool chunked)
    {
        var body = MessageOf(textLength);
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;

        var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(connector.Calls);
        Assert.Equal("Healthy", await bot.Http.GetStringAsync("healthz"));
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_handled()
    {
        using var content = new ByteArrayContent(MessageOf(200_000));
        content.Headers.ContentType = new("application/json");

        var response = await bot.Http.PostAsync("api/messages", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
