using System.Net;
using System.Text.Json;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;

namespace AgendaBot.Tests.Web;

/// <summary>
/// The privacy notice, terms and imprint the Teams app links to: served by the bot in German and English, with the
/// operator's details from configuration, as plain pages that load nothing from elsewhere and run no script. Every
/// page a test fetches is written to artifacts/pages, where scripts/pages/check-pages.mjs checks it in Chromium.
/// </summary>
public sealed class LegalPagesTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Hagenow = new()
    {
        ["PublicPages:OperatorName"] = "Stadt Hagenow",
        ["PublicPages:Address"] = "Lange Straße 28\n19230 Hagenow",
        ["PublicPages:Email"] = "digitalagenda@hagenow.de",
        ["PublicPages:RepresentedBy"] = "den Bürgermeister",
        ["PublicPages:DataProtectionOfficer"] = "Datenschutz Hagenow, datenschutz@hagenow.de",
        ["PublicPages:PrivacyAddendum"] = "Rechtsgrundlage ist Art. 6 Abs. 1 lit. e DSGVO.\n\nFragen beantwortet das Bürgerbüro.",
    };

    private BotServer bot = null!;

    public Task InitializeAsync()
    {
        bot = new BotServer(Hagenow);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Theory]
    [InlineData("/datenschutz", "de", "Datenschutzhinweise zu AgendaBot")]
    [InlineData("/nutzungsbedingungen", "de", "Nutzungsbedingungen von AgendaBot")]
    [InlineData("/impressum", "de", "Impressum")]
    [InlineData("/privacy", "en", "Privacy notice for AgendaBot")]
    [InlineData("/terms", "en", "Terms of use of AgendaBot")]
    [InlineData("/imprint", "en", "Imprint")]
    public async Task Each_page_the_app_links_answers_in_its_language_with_the_operator(string path, string lang, string title)
    {
        var html = await PageAsync(path);

        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Stadt Hagenow", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_privacy_notice_says_what_is_stored_and_how_to_see_and_erase_it()
    {
        var html = await PageAsync("/datenschutz");

        Assert.Contains("<address>Stadt Hagenow<br>\nLange Straße 28<br>\n19230 Hagenow<br>\nE-Mail: digitalagenda@hagenow.de</address>", html, StringComparison.Ordinal);
        Assert.Contains("Datenschutzbeauftragte Stelle: Datenschutz Hagenow, datenschutz@hagenow.de", html, StringComparison.Ordinal);
        Assert.Contains("„meine daten“", html, StringComparison.Ordinal);
        Assert.Contains("„daten löschen“", html, StringComparison.Ordinal);
        Assert.Contains("<p>Rechtsgrundlage ist Art. 6 Abs. 1 lit. e DSGVO.</p>\n<p>Fragen beantwortet das Bürgerbüro.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_run_no_script_load_nothing_from_elsewhere_and_cannot_be_framed()
    {
        var response = await bot.Http.GetAsync(new Uri("/datenschutz", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https:", html, StringComparison.Ordinal);
        var css = await bot.Http.GetAsync(new Uri("/public/site.css", UriKind.Relative));
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_page_asked_again_with_its_etag_is_not_sent_again()
    {
        var first = await bot.Http.GetAsync(new Uri("/impressum", UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, "/impressum");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await bot.Http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task What_the_operator_configured_is_shown_as_text_never_as_markup()
    {
        await using var careless = new BotServer(new Dictionary<string, string?> { ["PublicPages:OperatorName"] = "<script>alert('x')</script> & Co" });

        var html = await (await careless.Http.GetAsync(new Uri("/impressum", UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_operator_details_the_pages_say_that_they_are_not_set_up()
    {
        await using var bare = new BotServer();

        var response = await bare.Http.GetAsync(new Uri("/impressum", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Die Angaben zum Betreiber sind noch nicht eingerichtet.", html, StringComparison.Ordinal);
        Keep("impressum-not-set-up", html, HeadersOf(response));
    }

    // Fetches a page and keeps it (with its security headers and the stylesheet) for the check in Chromium.
    private async Task<string> PageAsync(string path)
    {
        var response = await bot.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Keep(path.Trim('/'), html, HeadersOf(response));
        File.WriteAllText(Path.Combine(Folder, "site.css"), await bot.Http.GetStringAsync(new Uri("/public/site.css", UriKind.Relative)));
        return html;
    }

    internal static Dictionary<string, string> HeadersOf(HttpResponseMessage response) => new()
    {
        ["content-security-policy"] = string.Join(", ", response.Headers.GetValues("Content-Security-Policy")),
    };

    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "artifacts", "pages");

    internal static void Keep(string name, string html, Dictionary<string, string> headers)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, name + ".html"), html);
        File.WriteAllText(Path.Combine(Folder, name + ".headers.json"), JsonSerializer.Serialize(headers));
    }
}
