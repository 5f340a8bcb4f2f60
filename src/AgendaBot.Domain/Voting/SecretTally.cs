namespace AgendaBot.Domain.Voting;

/// <summary>
/// All a secret round keeps of its ballots: how many there are and, per item (and criterion), how many values, their
/// sum and the sum of their squares — what the results show (mean, count, spread), no more. No ballot can be told
/// apart in it, so nothing in it leads back to a voter. <see cref="VoteTally.Compute(VotingRound, SecretTally)"/>
/// ranks from it exactly as from the ballots.
/// </summary>
public sealed record SecretTally(int Ballots, IReadOnlyList<SecretItem> Items)
{
    public static SecretTally Empty { get; } = new(0, []);

    /// <summary>The sums with one more ballot, already validated against the round.</summary>
    public SecretTally Add(VotingRound round, Ballot ballot)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(ballot);
        return new SecretTally(Ballots + 1, round.Items.Select(item => Add(round, For(round, item), ballot)).ToList());
    }

    public static SecretTally Of(VotingRound round, IEnumerable<Ballot> ballots) => ballots.Aggregate(Empty, (tally, ballot) => tally.Add(round, ballot));

    /// <summary>An item's sums, zero where nobody voted on it yet.</summary>
    public SecretItem For(VotingRound round, int item)
    {
        ArgumentNullException.ThrowIfNull(round);
        var found = Items.FirstOrDefault(i => i.Item == item);
        IReadOnlyList<string?> criteria = round.Method == VotingMethod.DotVoting ? [null] : [.. round.Criteria];
        return new SecretItem(item, found?.Voters ?? 0,
            criteria.Select(c => found?.Sums.FirstOrDefault(s => s.Criterion == c) ?? new SecretSum(c, 0, 0, 0)).ToList());
    }

    private static SecretItem Add(VotingRound round, SecretItem sums, Ballot ballot)
    {
        var mine = ballot.Scores.Where(s => s.Item == sums.Item).ToList();
        if (round.Method == VotingMethod.DotVoting)
        {
            // Every ballot gives each item a total, zero included: the spread is over all ballots, as the results show it.
            var points = mine.Sum(s => s.Value);
            return sums with { Voters = sums.Voters + (points > 0 ? 1 : 0), Sums = [sums.Sums[0].With(points)] };
        }

        return sums with
        {
            Voters = sums.Voters + (mine.Count > 0 ? 1 : 0),
            Sums = sums.Sums.Select(s => mine.Where(m => m.Criterion == s.Criterion).Aggregate(s, (sum, m) => sum.With(m.Value))).ToList(),
        };
    }
}

/// <summary>One item's sums: how many ballots gave it anything (stars: rated it; points: more than zero) and its values.</summary>
public sealed record SecretItem(int Item, int Voters, IReadOnlyList<SecretSum> Sums);

/// <summary>The values of one item on one criterion (null for points): how many, their sum and the sum of their squares.</summary>
public sealed record SecretSum(string? Criterion, int Count, long Sum, long Squares)
{
    public SecretSum With(int value) => new(Criterion, Count + 1, Sum + value, Squares + ((long)value * value));
}
