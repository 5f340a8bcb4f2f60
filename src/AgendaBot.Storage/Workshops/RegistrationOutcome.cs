using AgendaBot.Domain.Workshops;

namespace AgendaBot.Storage.Workshops;

public enum RegistrationResult
{
    Registered,
    Waitlisted,
    AlreadyRegistered,
}

public sealed record RegistrationOutcome(RegistrationResult Result, Participant Participant, int ParticipantCount, int Capacity);

/// <summary>A contribution as stored, and whether this call stored it or an earlier delivery of the same activity did.</summary>
public sealed record ContributionOutcome(Contribution Contribution, bool WasDuplicate);
