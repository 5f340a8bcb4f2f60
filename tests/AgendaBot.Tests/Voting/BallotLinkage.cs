using System.Text.Json.Nodes;

namespace AgendaBot.Tests.Voting;

/// <summary>
/// The audit's ways of telling from storage who voted what in a secret round, tried for every voter: from their "voted"
/// row to the row of a ballot by nearest Timestamp, by the same Timestamp (one transaction), by the order of writing
/// and by the order of the partition. A link counts when the row it leads to reveals exactly that voter's choices.
/// </summary>
internal static class BallotLinkage
{
    public static IReadOnlyList<string> Find(IReadOnlyList<StoredRow> rows, string roundId, IReadOnlyDictionary<string, string> choicesByVoter)
    {
        var links = new List<string>();
        foreach (var partition in rows.Where(r => Mentions(r, roundId)).GroupBy(r => (r.Table, r.Row.PartitionKey)))
        {
            var voted = partition.Where(r => VoterOf(r, choicesByVoter.Keys) is not null).ToList();
            // Whatever holds choices of one ballot: a ballot row, or a sum over a single ballot.
            var ballots = partition.Except(voted).Where(r => OneBallot(r) is not null).ToList();
            if (ballots.Count == 0)
            {
                continue;
            }

            var byTime = ballots.OrderBy(r => r.Timestamp).ToList();
            var byKey = ballots.OrderBy(r => r.Row.RowKey, StringComparer.Ordinal).ToList();
            var votedByTime = voted.OrderBy(r => r.Timestamp).ToList();
            var votedByKey = voted.OrderBy(r => r.Row.RowKey, StringComparer.Ordinal).ToList();
            foreach (var marker in voted)
            {
                var voter = VoterOf(marker, choicesByVoter.Keys)!;
                var mine = choicesByVoter[voter];
                var guesses = new List<(string How, StoredRow Row)>
                {
                    ("nearest Timestamp", ballots.MinBy(r => Math.Abs((r.Timestamp - marker.Timestamp).Ticks))!),
                };
                guesses.AddRange(ballots.Where(r => r.Timestamp == marker.Timestamp).Select(r => ("same transaction", r)));
                if (votedByTime.IndexOf(marker) is var t && t < byTime.Count)
                {
                    guesses.Add(("order of writing", byTime[t]));
                }

                if (votedByKey.IndexOf(marker) is var k && k < byKey.Count)
                {
                    guesses.Add(("partition order", byKey[k]));
                }

                links.AddRange(guesses.Where(g => OneBallot(g.Row) is { } theirs && (theirs.Length == 0 || theirs == mine))
                    .Select(g => $"{voter} → {g.Row.Key} by {g.How}"));
            }
        }

        return links;
    }

    /// <summary>The choices of the one ballot a row holds, as <see cref="Choices"/> writes them ("" when it cannot say which); null for any other row.</summary>
    private static string? OneBallot(StoredRow row)
    {
        if (row.Row.GetString("Scores") is { } scores)
        {
            return Choices(JsonNode.Parse(scores)!.AsArray().Select(s => (s!["item"]!.GetValue<int>(), s["value"]!.GetValue<int>())));
        }

        return row.Row.GetInt32("Ballots") == 1 ? string.Empty : null;
    }

    /// <summary>A ballot's choices, comparable whatever order they were stored in.</summary>
    public static string Choices(IEnumerable<(int Item, int Value)> choices) =>
        string.Join(",", choices.OrderBy(c => c.Item).Select(c => $"{c.Item}:{c.Value}"));

    public static string? VoterOf(StoredRow row, IEnumerable<string> voters) => voters.FirstOrDefault(v => Texts(row).Any(t => t.Contains(v, StringComparison.Ordinal)));

    public static bool Mentions(StoredRow row, string text) => Texts(row).Any(t => t.Contains(text, StringComparison.Ordinal));

    /// <summary>The row key and every text column: where an id could be.</summary>
    public static IEnumerable<string> Texts(StoredRow row) =>
        row.Row.Where(p => p.Key != "PartitionKey").Select(p => p.Value).OfType<string>().Prepend(row.Row.RowKey);
}
