namespace AgendaBot.Domain.People;

/// <summary>
/// Suggests a stakeholder group from what a directory says about a person (department, job title). Only a
/// suggestion: the person chooses. Keywords are matched case-insensitively anywhere in either field; the longest
/// matching keyword wins, so "Stadtwerke" (a company) beats "Stadt" (the administration).
/// </summary>
public static class GroupSuggestion
{
    /// <summary>A starting map for a German town; deployments replace it through configuration.</summary>
    public static IReadOnlyDictionary<string, StakeholderGroup> DefaultKeywords { get; } = new Dictionary<string, StakeholderGroup>
    {
        ["Verwaltung"] = StakeholderGroup.PublicAdministration,
        ["Amt"] = StakeholderGroup.PublicAdministration,
        ["Behörde"] = StakeholderGroup.PublicAdministration,
        ["Stadt"] = StakeholderGroup.PublicAdministration,
        ["Gemeinde"] = StakeholderGroup.PublicAdministration,
        ["Landkreis"] = StakeholderGroup.PublicAdministration,
        ["Bürgermeister"] = StakeholderGroup.PublicAdministration,
        ["Administration"] = StakeholderGroup.PublicAdministration,
        ["Kammer"] = StakeholderGroup.ChambersAndAssociations,
        ["IHK"] = StakeholderGroup.ChambersAndAssociations,
        ["Verband"] = StakeholderGroup.ChambersAndAssociations,
        ["Verein"] = StakeholderGroup.ChambersAndAssociations,
        ["Hochschule"] = StakeholderGroup.Universities,
        ["Universität"] = StakeholderGroup.Universities,
        ["Schule"] = StakeholderGroup.Universities,
        ["Forschung"] = StakeholderGroup.Universities,
        ["Professor"] = StakeholderGroup.Universities,
        ["Projekt"] = StakeholderGroup.BestPracticeProjects,
        ["Modellvorhaben"] = StakeholderGroup.BestPracticeProjects,
        ["Stadtwerke"] = StakeholderGroup.Companies,
        ["GmbH"] = StakeholderGroup.Companies,
        ["Unternehmen"] = StakeholderGroup.Companies,
        ["Geschäftsführ"] = StakeholderGroup.Companies,
        ["Einzelhandel"] = StakeholderGroup.Companies,
        ["Bürger"] = StakeholderGroup.Citizens,
        ["Einwohner"] = StakeholderGroup.Citizens,
    };

    /// <summary>The suggested group, or null when no keyword matches (or there is nothing to match).</summary>
    public static StakeholderGroup? From(string? department, string? jobTitle, IReadOnlyDictionary<string, StakeholderGroup> keywords)
    {
        var profile = $"{department}\n{jobTitle}";
        var best = keywords
            .Where(k => !string.IsNullOrWhiteSpace(k.Key) && profile.Contains(k.Key.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(k => k.Key.Trim().Length)
            .ThenBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => (StakeholderGroup?)k.Value)
            .FirstOrDefault();
        return best;
    }
}
