using Microsoft.Extensions.Options;

namespace AgendaBot.Infrastructure.Delivery;

/// <summary>
/// Keeps this instance's proactive sends within Teams' limits: per conversation 7/s, 8/2 s, 60/30 s and 1,800/h, per
/// tenant about 50/s. A send is recorded when it is allowed, and allowed only if, counting it, no window of any
/// limit holds more than its limit — an exact sliding log. (System.Threading.RateLimiting's sliding window hands
/// permits back up to one segment early and cannot run on a TimeProvider, so it cannot promise "never 8 in a second".)
/// </summary>
public sealed class SendRateLimiter
{
    private readonly TimeProvider time;
    private readonly SendLimit[] conversationLimits;
    private readonly SendLimit[] tenantLimits;
    private readonly Lock gate = new();
    private readonly Dictionary<string, SendLog> conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SendLog> tenants = new(StringComparer.Ordinal);
    private DateTimeOffset nextSweep;

    public SendRateLimiter(IOptions<DeliveryOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        this.time = time;
        conversationLimits =
        [
            new(o.PerConversationPerSecond, TimeSpan.FromSeconds(1) + o.RateWindowMargin),
            new(o.PerConversationPerTwoSeconds, TimeSpan.FromSeconds(2) + o.RateWindowMargin),
            new(o.PerConversationPerThirtySeconds, TimeSpan.FromSeconds(30) + o.RateWindowMargin),
            new(o.PerConversationPerHour, TimeSpan.FromHours(1) + o.RateWindowMargin),
        ];
        tenantLimits = [new(o.PerTenantPerSecond, TimeSpan.FromSeconds(1) + o.RateWindowMargin)];
    }

    /// <summary>
    /// Zero: the send may go now, and is counted. Otherwise the time until it might; nothing is counted, so the caller
    /// either waits and asks again or puts the post back in the queue.
    /// </summary>
    public TimeSpan TryAcquire(string tenantId, string conversationId)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            Sweep(now);
            var conversation = LogOf(conversations, tenantId + "\n" + conversationId, conversationLimits);
            var tenant = LogOf(tenants, tenantId, tenantLimits);
            var earliest = Max(conversation.EarliestAfter(now), tenant.EarliestAfter(now));
            if (earliest > now)
            {
                return earliest - now;
            }

            conversation.Add(now);
            tenant.Add(now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>Waits for a slot up to <paramref name="maxWait"/>; null when acquired, otherwise how long to put the post away.</summary>
    public async Task<TimeSpan?> AcquireAsync(string tenantId, string conversationId, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + maxWait;
        while (true)
        {
            var wait = TryAcquire(tenantId, conversationId);
            if (wait == TimeSpan.Zero)
            {
                return null;
            }

            if (time.GetUtcNow() + wait > deadline)
            {
                return wait;
            }

            // Others may take the slot first; then we ask again.
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private static SendLog LogOf(Dictionary<string, SendLog> logs, string key, SendLimit[] limits)
    {
        if (!logs.TryGetValue(key, out var log))
        {
            log = new SendLog(limits);
            logs[key] = log;
        }

        return log;
    }

    // Conversations that were quiet for longer than the longest window need no memory.
    private void Sweep(DateTimeOffset now)
    {
        if (now < nextSweep)
        {
            return;
        }

        nextSweep = now + TimeSpan.FromMinutes(1);
        foreach (var logs in new[] { conversations, tenants })
        {
            foreach (var key in logs.Where(l => l.Value.IsQuietAt(now)).Select(l => l.Key).ToList())
            {
                logs.Remove(key);
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed record SendLimit(int Count, TimeSpan Window);

    /// <summary>Send times in order, as many as the largest limit needs.</summary>
    private sealed class SendLog(SendLimit[] limits)
    {
        private readonly int capacity = limits.Max(l => l.Count);
        private readonly TimeSpan longest = limits.Max(l => l.Window);
        private readonly List<DateTimeOffset> sends = [];

        /// <summary>A send at t is allowed when, for each limit, the Count-th most recent send is at least Window before t.</summary>
        public DateTimeOffset EarliestAfter(DateTimeOffset now)
        {
            var earliest = now;
            foreach (var limit in limits)
            {
                if (limit.Count <= 0)
                {
                    return DateTimeOffset.MaxValue;
                }

                if (sends.Count >= limit.Count && sends[^limit.Count] + limit.Window > earliest)
                {
                    earliest = sends[^limit.Count] + limit.Window;
                }
            }

            return earliest;
        }

        public void Add(DateTimeOffset at)
        {
            sends.Add(at);
            if (sends.Count > capacity)
            {
                sends.RemoveAt(0);
            }
        }

        public bool IsQuietAt(DateTimeOffset now) => sends.Count == 0 || sends[^1] + longest < now;
    }
}
