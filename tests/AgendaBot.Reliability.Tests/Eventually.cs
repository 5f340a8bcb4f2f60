namespace AgendaBot.Reliability.Tests;

/// <summary>Waits for a condition that becomes true in the background; the timeout is generous and never the assertion.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not true after the timeout: {what ?? "condition"}; last value: {value}");
            }

            await Task.Delay(100);
        }
    }

    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null, string? what = null) =>
        ReturnsAsync(() => Task.FromResult(condition()), done => done, timeout, what);
}
