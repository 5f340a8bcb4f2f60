using AgendaBot.Domain.Common;

namespace AgendaBot.Domain.People;

/// <summary>A person as Teams identifies them: the Entra object id is stable across chats; the name is for display.</summary>
public sealed record TeamsUser
{
    public TeamsUser(string id, string name)
    {
        Id = string.IsNullOrWhiteSpace(id) ? throw new DomainException(DomainErrorCode.TextMissing, "user id") : id;
        Name = TextLimits.Optional(name, TextLimits.Name, "name") ?? string.Empty;
    }

    public string Id { get; }

    public string Name { get; }

    /// <summary>What remains of a person after erasure: contributions stay, their author does not.</summary>
    public static TeamsUser Anonymous { get; } = new("anonymous", string.Empty);

    public bool IsAnonymous => Id == Anonymous.Id;
}
