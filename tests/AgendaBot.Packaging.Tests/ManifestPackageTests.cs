using System.IO.Compression;
using System.Text.Json;
using AgendaBot.Testing;

namespace AgendaBot.Packaging.Tests;

/// <summary>manifest/build.mjs and validate.mjs, run as a town admin would run them (manifest/build.sh).</summary>
public sealed class ManifestPackageTests : IDisposable
{
    private const string AppId = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f";
    private const string Domain = "agendabot-hagenow.azurewebsites.net";

    private readonly string output = Path.Combine(Path.GetTempPath(), "agendabot-manifest-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Build_zips_the_manifest_its_English_texts_and_both_icons_flat()
    {
        var build = await BuildAsync(output);

        Assert.True(build.ExitCode == 0, build.ToString());
        using var zip = ZipFile.OpenRead(Path.Combine(output, "agendabot.zip"));
        Assert.Equal(["color.png", "en.json", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var manifest = JsonDocument.Parse(ReadEntry(zip, "manifest.json"));
        var root = manifest.RootElement;
        Assert.Equal(AppId, root.GetProperty("id").GetString());
        Assert.Equal(AppId, root.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal([Domain], root.GetProperty("validDomains").EnumerateArray().Select(d => d.GetString()));
        Assert.DoesNotContain("${{", ReadEntry(zip, "manifest.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_pages_of_its_own_the_town_links_the_privacy_notice_terms_and_imprint_the_bot_serves()
    {
        var build = await BuildAsync(output, privacyUrl: null);

        Assert.True(build.ExitCode == 0, build.ToString());
        using var zip = ZipFile.OpenRead(Path.Combine(output, "agendabot.zip"));
        var developer = JsonDocument.Parse(ReadEntry(zip, "manifest.json")).RootElement.GetProperty("developer");
        Assert.Equal($"https://{Domain}/datenschutz", developer.GetProperty("privacyUrl").GetString());
        Assert.Equal($"https://{Domain}/nutzungsbedingungen", developer.GetProperty("termsOfUseUrl").GetString());
        Assert.Equal($"https://{Domain}/impressum", developer.GetProperty("websiteUrl").GetString());
    }

    [Fact]
    public async Task The_built_package_passes_the_offline_schema_check()
    {
        Assert.Equal(0, (await BuildAsync(output)).ExitCode);

        var check = await Node.RunAsync("manifest/validate.mjs", [Path.Combine(output, "package")]);

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains($"valid against the bundled v{NewestBundledVersion()} schemas", check.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("", check.StandardError);
    }

    [Fact]
    public async Task Same_settings_give_the_same_zip_bytes()
    {
        var second = output + "-again";
        try
        {
            Assert.Equal(0, (await BuildAsync(output)).ExitCode);
            Assert.Equal(0, (await BuildAsync(second)).ExitCode);

            Assert.Equal(File.ReadAllBytes(Path.Combine(output, "agendabot.zip")), File.ReadAllBytes(Path.Combine(second, "agendabot.zip")));
        }
        finally
        {
            Directory.Delete(second, recursive: true);
        }
    }

    [Theory]
    [InlineData("", Domain, "BOT_APP_ID")]
    [InlineData("not-a-guid", Domain, "BOT_APP_ID")]
    [InlineData(AppId, "", "BOT_DOMAIN")]
    [InlineData(AppId, "https://agendabot-hagenow.azurewebsites.net/api/messages", "BOT_DOMAIN")]
    public async Task Build_refuses_missing_or_malformed_settings(string appId, string domain, string named)
    {
        var build = await BuildAsync(output, appId, domain);

        Assert.Equal(1, build.ExitCode);
        Assert.Contains(named, build.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "agendabot.zip")));
    }

    [Fact]
    public async Task Validation_refuses_an_outline_icon_that_is_not_white_on_transparent()
    {
        var package = await BuiltPackageAsync();
        File.Copy(Path.Combine(package, "color.png"), Path.Combine(package, "outline.png"), overwrite: true);

        var check = await Node.RunAsync("manifest/validate.mjs", [package]);

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("neither transparent nor white", check.StandardError, StringComparison.Ordinal);
        Assert.Contains("Teams wants 32×32", check.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_refuses_a_command_without_English_text_and_a_too_long_description()
    {
        var package = await BuiltPackageAsync();
        var path = Path.Combine(package, "manifest.json");
        var text = File.ReadAllText(path)
            .Replace("\"title\": \"daten löschen\"", "\"title\": \"daten löschen\" }, { \"title\": \"abstimmung\"", StringComparison.Ordinal)
            .Replace("\"short\": \"Workshops,", "\"short\": \"" + new string('x', 80) + "Workshops,", StringComparison.Ordinal);
        File.WriteAllText(path, text);

        var check = await Node.RunAsync("manifest/validate.mjs", [package]);

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("command \"abstimmung\" has no translated title", check.StandardError, StringComparison.Ordinal);
        Assert.Contains("/description/short must NOT have more than 80 characters", check.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_committed_icons_are_what_icons_mjs_draws()
    {
        var check = await Node.RunAsync("manifest/icons.mjs", ["--check"]);

        Assert.True(check.ExitCode == 0, check.ToString());
    }

    private async Task<string> BuiltPackageAsync()
    {
        var build = await BuildAsync(output);
        Assert.True(build.ExitCode == 0, build.ToString());
        return Path.Combine(output, "package");
    }

    internal static string NewestBundledVersion() =>
        Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams"))
            .Select(Path.GetFileName)
            .Where(name => name is not null && name.StartsWith('v') && Version.TryParse(name[1..], out _))
            .Select(name => Version.Parse(name![1..]))
            .Max()!
            .ToString();

    private static Task<ProcessResult> BuildAsync(string outDirectory, string appId = AppId, string domain = Domain,
        string? privacyUrl = "https://www.hagenow.de/datenschutz") =>
        Node.RunAsync("manifest/build.mjs", ["--out", outDirectory], new Dictionary<string, string?>
        {
            ["BOT_APP_ID"] = appId,
            ["BOT_DOMAIN"] = domain,
            ["PRIVACY_URL"] = privacyUrl,
            ["TEAMS_APP_ID"] = null,
            ["APP_VERSION"] = null,
            ["PUBLISHER_NAME"] = null,
            ["PUBLISHER_WEBSITE_URL"] = null,
            ["TERMS_OF_USE_URL"] = null,
        });

    private static string ReadEntry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
