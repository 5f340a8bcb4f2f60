using System.Reflection;
using AgendaBot.Features;

namespace AgendaBot.Architecture.Tests;

/// <summary>
/// Features do not reach into each other except through seams, the few types marked <see cref="SeamAttribute"/>. The
/// features' root namespace (FeatureRoutes, CardVerbs, the seam attribute) is the table of contents and may name them all.
/// </summary>
public sealed class Seams
{
    private const string Features = "AgendaBot.Features";

    public static TheoryData<string> Areas => [.. AreaNames()];

    [Theory]
    [MemberData(nameof(Areas))]
    public void Other_features_use_only_the_seams_of(string area)
    {
        var inside = $"{Features}.{area}";
        var notSeams = Assemblies.Host.GetTypes()
            .Where(type => type.Namespace == inside && !type.IsNested && type.GetCustomAttribute<SeamAttribute>() is null)
            .Select(type => type.FullName!)
            .ToArray();
        if (notSeams.Length == 0)
        {
            return;
        }

        Rules.Hold(Rules.Types(Assemblies.Host).That().ResideInNamespaceMatching(Rules.Within(Features))
            .And().DoNotResideInNamespaceMatching(Rules.Within(inside))
            .And().DoNotResideInNamespaceMatching(Rules.Exactly(Features))
            .Should().NotHaveDependencyOnAny(notSeams));
    }

    [Fact]
    public void Every_feature_area_is_checked() => Assert.Contains("Voting", AreaNames());

    private static IEnumerable<string> AreaNames() => Assemblies.Host.GetTypes()
        .Select(type => type.Namespace)
        .OfType<string>()
        .Where(name => name.StartsWith(Features + ".", StringComparison.Ordinal))
        .Select(name => name[(Features.Length + 1)..].Split('.')[0])
        .Distinct()
        .Order(StringComparer.Ordinal);
}
