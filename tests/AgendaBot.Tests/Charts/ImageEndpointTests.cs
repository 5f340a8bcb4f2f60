using System.Net;
using System.Net.Http.Headers;
using AgendaBot.Infrastructure.Charts;
using AgendaBot.Storage;
using AgendaBot.Storage.Images;
using AgendaBot.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Tests.Charts;

/// <summary><c>GET /images/{token}.png</c> through the real pipeline, as a Teams client fetches a card's picture.</summary>
public sealed class ImageEndpointTests : IAsyncLifetime
{
    private readonly TenantScope tenant = new($"tenant-{Guid.NewGuid():N}");
    private BotServer bot = null!;
    private ImageStore store = null!;

    public async Task InitializeAsync()
    {
        bot = new BotServer();
        // Start-up creates the tables in the background; a test must not race it.
        await bot.Services.GetRequiredService<StorageTables>().EnsureCreatedAsync();
        store = bot.Services.GetRequiredService<ImageStore>();
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_stored_chart_is_served_as_png_with_long_cache_headers()
    {
        var png = ResultsChart.Render(new ResultsChartData("Ergebnis", "Punkte", [new("#1 Bürgerbüro online", 12), new("#2 WLAN", 7)]));
        var token = await store.SaveAsync(tenant, png);

        using var response = await bot.Http.GetAsync(new Uri($"images/{token}.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(900, Png.Read(png).Width);
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.Public);
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task A_client_that_has_the_picture_gets_304()
    {
        var token = await store.SaveAsync(tenant, TinyPng());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"images/{token}.png");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{token}\""));

        using var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Head_answers_like_get_without_the_bytes()
    {
        var token = await store.SaveAsync(tenant, TinyPng());
        using var request = new HttpRequestMessage(HttpMethod.Head, $"images/{token}.png");

        using var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unknown_token_is_404()
    {
        using var response = await bot.Http.GetAsync(new Uri($"images/{ImageTokens.New()}.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("images/abc.png")]
    [InlineData("images/.png")]
    [InlineData("images/")]
    [InlineData("images")]
    [InlineData("images/%2E%2E%2Fapi%2Fmessages.png")]
    [InlineData("images/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("images/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.png.png")]
    public async Task Anything_else_under_images_is_404_and_nothing_can_be_listed(string path)
    {
        using var response = await bot.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_picture_of_another_tenant_is_served_too_because_the_token_is_the_key()
    {
        // Teams fetches images without credentials: whoever may see the card may see its picture, and nobody else
        // can know the token.
        var token = await store.SaveAsync(new TenantScope($"tenant-{Guid.NewGuid():N}"), TinyPng());

        using var response = await bot.Http.GetAsync(new Uri($"images/{token}.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_linked_chart_is_fetched_from_its_absolute_url()
    {
        var png = TimelineChart.Render(new TimelineChartData("Plan", [new("WLAN", new(2026, 1, 1), new(2026, 6, 30), Domain.Measures.MeasureStatus.InProgress)], new(2026, 3, 1)));
        await using var configured = new BotServer(new Dictionary<string, string?> { ["Images:PublicBaseUrl"] = bot.BaseAddress.AbsoluteUri });
        var links = configured.Services.GetRequiredService<ImageLinks>();

        var url = await links.StoreAndLinkAsync(tenant, png, CancellationToken.None);

        Assert.StartsWith(bot.BaseAddress.AbsoluteUri + "images/", url);
        using var plain = new HttpClient();
        Assert.Equal(png, await plain.GetByteArrayAsync(new Uri(url)));
    }

    [Fact]
    public async Task A_small_picture_is_embedded_instead_of_stored()
    {
        var links = bot.Services.GetRequiredService<ImageLinks>();
        var png = TinyPng();

        var url = await links.StoreAndLinkAsync(tenant, png, CancellationToken.None);

        Assert.StartsWith("data:image/png;base64,", url);
        Assert.Equal(png, Convert.FromBase64String(url["data:image/png;base64,".Length..]));
    }

    /// <summary>A 1 × 1 transparent PNG.</summary>
    internal static byte[] TinyPng() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
}
