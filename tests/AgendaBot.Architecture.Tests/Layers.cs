using System.Reflection;
using NetArchTest.Rules;

namespace AgendaBot.Architecture.Tests;

/// <summary>The projects stack up: Protocol and Domain know nothing of ours, Storage knows the Domain, the host knows all.</summary>
public sealed class Layers
{
    [Fact]
    public void Protocol_uses_nothing_of_ours() =>
        Rules.Hold(Rules.Types(Assemblies.Protocol).Should().NotHaveDependencyOnAny(Rules.Ours(except: "AgendaBot.Protocol")));

    [Fact]
    public void Domain_uses_nothing_of_ours() =>
        Rules.Hold(Rules.Types(Assemblies.Domain).Should().NotHaveDependencyOnAny(Rules.Ours(except: "AgendaBot.Domain")));

    [Fact]
    public void Domain_uses_no_Azure_types() =>
        Rules.Hold(Rules.Types(Assemblies.Domain).Should().NotHaveDependencyOnAny(Rules.AzureSdk));

    [Fact]
    public void Storage_uses_only_the_domain_of_ours() =>
        Rules.Hold(Rules.Types(Assemblies.Storage).Should().NotHaveDependencyOnAny(Rules.Ours(except: ["AgendaBot.Storage", "AgendaBot.Domain"])));

    // The compiler keeps only the references a project really uses, so this also catches what namespaces would miss.
    [Theory]
    [InlineData("AgendaBot.Protocol", new string[0])]
    [InlineData("AgendaBot.Domain", new string[0])]
    [InlineData("AgendaBot.Storage", new[] { "AgendaBot.Domain" })]
    public void Lower_projects_reference_only_the_projects_below_them(string project, string[] allowed)
    {
        var ours = Assemblies.Load(project).GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("AgendaBot", StringComparison.Ordinal));

        Assert.Equal(allowed, ours.Order(StringComparer.Ordinal));
    }

    // Each test project tests its layer with the layers below: a storage test that needs the host is a host test.
    [Theory]
    [InlineData("AgendaBot.Protocol.Tests")]
    [InlineData("AgendaBot.Domain.Tests")]
    [InlineData("AgendaBot.Storage.Tests")]
    [InlineData("AgendaBot.Testing")]
    public void Tests_of_lower_layers_do_not_reference_the_host(string testProject)
    {
        var project = Path.Combine(Assemblies.RepositoryRoot, "tests", testProject, testProject + ".csproj");
        var references = Assemblies.ProjectReferences(project);

        Assert.DoesNotContain(references, reference => reference is "AgendaBot" or "AgendaBot.Testing.Host");
    }
}
