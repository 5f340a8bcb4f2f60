using System.Text.Json;
using System.Text.RegularExpressions;
using AgendaBot.Testing;

namespace AgendaBot.Packaging.Tests;

/// <summary>infra/ compiles with the pinned Bicep CLI, offline, without a single warning, and describes what the bot needs.</summary>
public sealed partial class InfrastructureTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "infra");

    // One build of main.bicep serves every test that looks into the compiled template.
    private static readonly Lazy<Task<ProcessResult>> MainBuild = new(() => Bicep.RunAsync("build", "infra/main.bicep", "--stdout"));

    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.bicep", SearchOption.AllDirectories).Order())
        {
            data.Add(Path.GetRelativePath(RepositoryRoot.Path, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Every_file_lints_without_a_warning(string file)
    {
        var lint = await Bicep.RunAsync("lint", file);

        // bicep reports warnings on stderr and still exits 0: any output at all is a failure.
        Assert.True(lint.ExitCode == 0 && lint.StandardError.Length == 0 && lint.StandardOutput.Length == 0, lint.ToString());
    }

    [Fact]
    public async Task A_warning_is_seen_by_these_tests()
    {
        var file = Path.Combine(Path.GetTempPath(), $"agendabot-lint-{Guid.NewGuid():N}.bicep");
        File.WriteAllText(file, "param unused string\n");
        try
        {
            var lint = await Bicep.RunAsync("lint", file);

            Assert.Contains("Warning no-unused-params", lint.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Main_builds_without_a_warning()
    {
        var build = await MainBuild.Value;

        Assert.True(build.ExitCode == 0 && build.StandardError.Length == 0, build.ToString());
        using var template = JsonDocument.Parse(build.StandardOutput);
        Assert.NotEmpty(template.RootElement.GetProperty("resources").EnumerateArray());
    }

    [Fact]
    public async Task The_parameter_file_builds_without_a_warning()
    {
        var build = await Bicep.RunAsync("build-params", "infra/main.bicepparam", "--stdout");

        Assert.True(build.ExitCode == 0 && build.StandardError.Length == 0, build.ToString());
        Assert.Contains("agendabot-hagenow", build.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_template_has_the_bot_the_web_app_storage_and_monitoring()
    {
        var resources = await CompiledResourcesAsync();

        Assert.Equal(
            [
                "Microsoft.Authorization/roleAssignments", "Microsoft.BotService/botServices",
                "Microsoft.BotService/botServices/channels", "Microsoft.Insights/components",
                "Microsoft.Insights/diagnosticSettings", "Microsoft.ManagedIdentity/userAssignedIdentities",
                "Microsoft.OperationalInsights/workspaces", "Microsoft.Resources/deployments",
                "Microsoft.Storage/storageAccounts", "Microsoft.Storage/storageAccounts/queueServices",
                "Microsoft.Storage/storageAccounts/queueServices/queues", "Microsoft.Storage/storageAccounts/tableServices",
                "Microsoft.Storage/storageAccounts/tableServices/tables", "Microsoft.Web/serverfarms", "Microsoft.Web/sites",
            ],
            resources.Select(r => r.GetProperty("type").GetString()!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_bot_is_the_managed_identity_and_Teams_reaches_it_at_api_messages()
    {
        var resources = await CompiledResourcesAsync();

        var bot = Single(resources, "Microsoft.BotService/botServices").GetProperty("properties");
        Assert.Equal("UserAssignedMSI", bot.GetProperty("msaAppType").GetString());
        Assert.Equal("[parameters('messagingEndpoint')]", bot.GetProperty("endpoint").GetString());
        var botModule = Assert.Single(resources, r => r.TryGetProperty("name", out var name) && name.GetString() == "bot");
        Assert.Equal(
            "[format('https://{0}/api/messages', reference(resourceId('Microsoft.Resources/deployments', 'web'), '2025-04-01').outputs.hostName.value)]",
            botModule.GetProperty("properties").GetProperty("parameters").GetProperty("messagingEndpoint").GetProperty("value").GetString());
        var channel = Single(resources, "Microsoft.BotService/botServices/channels").GetProperty("properties");
        Assert.Equal("MsTeamsChannel", channel.GetProperty("channelName").GetString());
        Assert.True(channel.GetProperty("properties").GetProperty("isEnabled").GetBoolean());
    }

    [Fact]
    public async Task The_web_app_runs_dotnet_10_on_Linux_as_the_bot_identity_with_every_setting_the_bot_reads()
    {
        using var template = await BuildMainAsync();
        var site = Single(Resources(template.RootElement), "Microsoft.Web/sites");

        var config = site.GetProperty("properties").GetProperty("siteConfig");
        Assert.Equal("DOTNETCORE|10.0", config.GetProperty("linuxFxVersion").GetString());
        Assert.Equal("/healthz", config.GetProperty("healthCheckPath").GetString());
        Assert.Equal("UserAssigned", site.GetProperty("identity").GetProperty("type").GetString());
        var text = template.RootElement.GetRawText();
        foreach (var setting in new[]
        {
            "Bot__AppId", "Bot__TenantId", "Bot__CredentialKind", "Storage__TableServiceUri", "Storage__QueueServiceUri",
            "Storage__CreateTables", "APPLICATIONINSIGHTS_CONNECTION_STRING", "Localization__ForceCulture",
        })
        {
            Assert.Contains(setting, text, StringComparison.Ordinal);
        }

        Assert.Contains("\"value\": \"ManagedIdentity\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_takes_no_keys_and_the_identity_gets_table_and_queue_data_roles()
    {
        using var template = await BuildMainAsync();
        var resources = Resources(template.RootElement);

        var account = Single(resources, "Microsoft.Storage/storageAccounts").GetProperty("properties");
        Assert.False(account.GetProperty("allowSharedKeyAccess").GetBoolean());
        var text = template.RootElement.GetRawText();
        Assert.Contains("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", text, StringComparison.Ordinal); // Storage Table Data Contributor
        Assert.Contains("974c5e8b-45b9-4653-ba55-5f855dd0fb88", text, StringComparison.Ordinal); // Storage Queue Data Contributor
        // The names StorageTables gives its tables: prefix + name.
        var storage = Assert.Single(resources, r => r.TryGetProperty("name", out var name) && name.GetString() == "storage")
            .GetProperty("properties").GetProperty("template");
        Assert.Equal(["Agendas", "Workshops", "Measures", "Conversations", "Deadlines", "Images", "Exports", "Outbox", "Parked", "Schedule"],
            storage.GetProperty("variables").GetProperty("tableNames").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("agendabot", storage.GetProperty("parameters").GetProperty("tablePrefix").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void Modules_are_local_files_so_nothing_is_fetched_from_a_registry()
    {
        foreach (var file in Directory.GetFiles(Folder, "*.bicep", SearchOption.AllDirectories))
        {
            foreach (Match module in ModuleReference().Matches(File.ReadAllText(file)))
            {
                var path = module.Groups["path"].Value;
                Assert.DoesNotContain(":", path, StringComparison.Ordinal); // br:, br/public:, ts:
                Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, path)), $"{file}: module {path} is not a file");
            }
        }
    }

    private static async Task<JsonDocument> BuildMainAsync()
    {
        var build = await MainBuild.Value;
        Assert.True(build.ExitCode == 0, build.ToString());
        return JsonDocument.Parse(build.StandardOutput);
    }

    private static async Task<List<JsonElement>> CompiledResourcesAsync()
    {
        using var template = await BuildMainAsync();
        return Resources(template.RootElement).Select(r => r.Clone()).ToList();
    }

    // Modules compile into nested deployments: collect the resources of every level.
    private static List<JsonElement> Resources(JsonElement template)
    {
        var found = new List<JsonElement>();
        foreach (var resource in template.GetProperty("resources").EnumerateArray())
        {
            found.Add(resource);
            if (resource.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("template", out var nested))
            {
                found.AddRange(Resources(nested));
            }
        }

        return found;
    }

    private static JsonElement Single(IEnumerable<JsonElement> resources, string type) =>
        Assert.Single(resources, r => r.GetProperty("type").GetString() == type);

    [GeneratedRegex(@"^\s*module\s+\w+\s+'(?<path>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();
}
