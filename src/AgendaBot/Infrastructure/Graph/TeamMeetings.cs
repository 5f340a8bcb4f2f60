using System.Globalization;
using Microsoft.Graph.Models;

namespace AgendaBot.Infrastructure.Graph;

/// <summary>A Teams meeting in a team's calendar, with the link people join by.</summary>
public sealed record ScheduledMeeting(string EventId, Uri JoinUrl);

/// <summary>
/// Puts a Teams meeting into the calendar of a team's Microsoft 365 group, where every member sees it: an event with an
/// online meeting (Graph <c>POST /groups/{id}/events</c>, permission Group.ReadWrite.All).
/// </summary>
public sealed class TeamMeetings(GraphConnection graph)
{
    private const string Berlin = "Europe/Berlin";

    public bool IsAvailable => graph.IsAvailable;

    /// <param name="start">Local time in Germany.</param>
    /// <exception cref="GraphNotConfiguredException">Graph is not configured.</exception>
    public async Task<ScheduledMeeting> ScheduleAsync(string teamAadGroupId, string subject, DateTime start, TimeSpan length, CancellationToken cancellationToken)
    {
        var client = graph.Client ?? throw new GraphNotConfiguredException();
        var created = await client.Groups[teamAadGroupId].Events.PostAsync(new Event
        {
            Subject = subject,
            Start = new DateTimeTimeZone { DateTime = Local(start), TimeZone = Berlin },
            End = new DateTimeTimeZone { DateTime = Local(start + length), TimeZone = Berlin },
            IsOnlineMeeting = true,
            OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness,
        }, cancellationToken: cancellationToken);
        return created is { Id: { } id, OnlineMeeting.JoinUrl: { } join }
            ? new ScheduledMeeting(id, new Uri(join))
            : throw new InvalidOperationException("Graph created the event without its id or Teams link.");
    }

    private static string Local(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
