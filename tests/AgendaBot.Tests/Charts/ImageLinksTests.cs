using AgendaBot.Infrastructure.Charts;
using AgendaBot.Storage;
using AgendaBot.Storage.Images;
using AgendaBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgendaBot.Tests.Charts;

public sealed class ImageLinksTests
{
    private static readonly string Token = ImageTokens.New();

    // Never contacted: building a URL needs no storage.
    private static readonly ImageStore Store = new(
        new StorageTables(new StorageOptions { ConnectionString = AzuriteServer.Shared.ConnectionString }), TimeProvider.System);

    [Theory]
    [InlineData("https://agendabot.example.org", "https://agendabot.example.org/images/")]
    [InlineData("https://agendabot.example.org/", "https://agendabot.example.org/images/")]
    [InlineData("https://example.org/stadt/agendabot", "https://example.org/stadt/agendabot/images/")]
    public void The_public_base_url_is_used_when_set(string baseUrl, string expected)
    {
        var links = Links(new Uri(baseUrl), request: null);

        Assert.Equal($"{expected}{Token}.png", links.UrlFor(Token));
    }

    [Fact]
    public void Without_a_setting_the_address_of_the_current_request_is_used()
    {
        var request = new DefaultHttpContext();
        request.Request.Scheme = "http";
        request.Request.Host = new HostString("127.0.0.1", 3978);

        Assert.Equal($"http://127.0.0.1:3978/images/{Token}.png", Links(null, request).UrlFor(Token));
    }

    [Fact]
    public void The_setting_wins_over_the_request()
    {
        var request = new DefaultHttpContext();
        request.Request.Host = new HostString("10.0.0.7", 8080);

        Assert.StartsWith("https://agendabot.example.org/", Links(new Uri("https://agendabot.example.org"), request).UrlFor(Token));
    }

    [Fact]
    public void Without_a_setting_or_a_request_there_is_no_address_and_the_error_says_what_to_set()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Links(null, request: null).UrlFor(Token));

        Assert.Contains("Images:PublicBaseUrl", failure.Message);
    }

    [Fact]
    public void Only_a_token_becomes_a_url()
    {
        Assert.Throws<ArgumentException>(() => Links(new Uri("https://agendabot.example.org"), null).UrlFor("../api/messages"));
    }

    [Fact]
    public void A_picture_up_to_the_limit_becomes_a_data_uri_and_a_larger_one_does_not()
    {
        var png = ImageEndpointTests.TinyPng();

        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(png), ImageLinks.DataUriIfSmall(png, png.Length));
        Assert.Null(ImageLinks.DataUriIfSmall(png, png.Length - 1));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://agendabot.example.org", true)]
    [InlineData("http://127.0.0.1:3978/", true)]
    [InlineData("ftp://agendabot.example.org", false)]
    [InlineData("https://agendabot.example.org/?x=1", false)]
    [InlineData("/relative", false)]
    public void The_setting_must_be_an_absolute_http_address(string? value, bool valid)
    {
        var options = new ImageOptions { PublicBaseUrl = value is null ? null : new Uri(value, UriKind.RelativeOrAbsolute) };

        Assert.Equal(valid, ImageOptions.IsValid(options));
    }

    private static ImageLinks Links(Uri? publicBaseUrl, HttpContext? request) =>
        new(Store, Options.Create(new ImageOptions { PublicBaseUrl = publicBaseUrl }), new HttpContextAccessor { HttpContext = request },
            NullLogger<ImageLinks>.Instance);
}
