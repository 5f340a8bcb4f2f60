using AgendaBot.Domain.People;

namespace AgendaBot.Domain.Workshops;

/// <summary>A person registered for a workshop with their stakeholder group; beyond capacity they wait.</summary>
public sealed record Participant
{
    public required TeamsUser User { get; init; }
    public required StakeholderGroup Group { get; init; }
    public Role Role { get; init; } = Role.Participant;
    public bool Waitlisted { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>
    /// The id Teams gives the person in this bot's conversations ("29:…"), as the activities carry it: a card's
    /// refresh names the people who get their own view of it by this id, not by the Entra object id.
    /// </summary>
    public string? TeamsId { get; init; }
}

/// <summary>Which stakeholder groups a workshop has, and which are missing (the Akteursanalyse).</summary>
public sealed record StakeholderBalance(IReadOnlyDictionary<StakeholderGroup, int> Present, IReadOnlyList<StakeholderGroup> Missing)
{
    public static StakeholderBalance Of(IEnumerable<Participant> participants)
    {
        var present = participants.Where(p => !p.Waitlisted)
            .GroupBy(p => p.Group)
            .ToDictionary(g => g.Key, g => g.Count());
        var missing = Enum.GetValues<StakeholderGroup>().Where(g => !present.ContainsKey(g)).ToList();
        return new StakeholderBalance(present, missing);
    }
}
