using System.Buffers.Binary;
using System.Text.Json;
using AgendaBot.Testing;

namespace AgendaBot.Packaging.Tests;

/// <summary>What the committed manifest promises: German first, English too, the bot everywhere, icons Teams accepts.</summary>
public sealed class ManifestContentTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "manifest");

    [Fact]
    public void The_manifest_is_on_the_newest_schema_version_the_pinned_package_bundles()
    {
        var newest = ManifestPackageTests.NewestBundledVersion();
        using var manifest = Read("manifest.json");
        using var english = Read("en.json");

        Assert.Equal(newest, manifest.RootElement.GetProperty("manifestVersion").GetString());
        Assert.EndsWith($"/teams/v{newest}/MicrosoftTeams.schema.json", manifest.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        Assert.EndsWith($"/teams/v{newest}/MicrosoftTeams.Localization.schema.json", english.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void German_is_the_default_and_English_comes_from_en_json()
    {
        using var manifest = Read("manifest.json");
        var localization = manifest.RootElement.GetProperty("localizationInfo");

        Assert.Equal("de-de", localization.GetProperty("defaultLanguageTag").GetString());
        var english = Assert.Single(localization.GetProperty("additionalLanguages").EnumerateArray());
        Assert.Equal("en", english.GetProperty("languageTag").GetString());
        Assert.Equal("en.json", english.GetProperty("file").GetString());
    }

    [Fact]
    public void The_bot_works_in_personal_chats_teams_and_group_chats_with_a_command_list_for_each()
    {
        using var manifest = Read("manifest.json");
        var bot = Assert.Single(manifest.RootElement.GetProperty("bots").EnumerateArray());

        // Which commands each list holds is checked against the bot's routes in ManifestCommandTests.
        Assert.Equal(["personal", "team", "groupChat"], Strings(bot.GetProperty("scopes")));
        Assert.Equal([["personal"], ["team"], ["groupChat"]], bot.GetProperty("commandLists").EnumerateArray().Select(l => Strings(l.GetProperty("scopes"))));
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icons_have_the_size_Teams_wants(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));

        // PNG signature, then the IHDR chunk: width and height big-endian at bytes 16 and 20, colour type at 25.
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.Equal(6, bytes[25]); // RGBA: the outline icon needs its alpha channel
    }

    private static JsonDocument Read(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
