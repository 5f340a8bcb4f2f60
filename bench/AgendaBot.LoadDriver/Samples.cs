namespace AgendaBot.LoadDriver;

/// <summary>What one level of concurrency achieved: operations per second and the latency distribution.</summary>
internal sealed record LevelResult(int Concurrency, int Operations, int Failures, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public double Max => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[^1];

    /// <summary>Nearest-rank percentile over the sorted samples (no histogram: there are few enough to sort).</summary>
    private double Percentile(double p) =>
        LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Clamp((int)Math.Ceiling(p * LatenciesMs.Length) - 1, 0, LatenciesMs.Length - 1)];
}

/// <summary>
/// Runs <c>concurrency</c> workers, each looping one operation for a fixed time, after an unmeasured warm-up of the
/// same shape. Each worker knows its index and how many operations it has done.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<LevelResult> RunAsync(int concurrency, TimeSpan warmUp, TimeSpan duration,
        Func<int, int, Task<bool>> operation)
    {
        var serials = new int[concurrency];
        await RunPhaseAsync(concurrency, warmUp, serials, operation, null);
        var latencies = new List<double>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            latencies[i] = new List<double>(4096);
        }

        var (elapsed, failures) = await RunPhaseAsync(concurrency, duration, serials, operation, latencies);
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LevelResult(concurrency, all.Length, failures, elapsed, all);
    }

    /// <summary>
    /// Runs <c>concurrency</c> workers, each doing exactly <c>count</c> operations (numbered 0 … count-1) one after
    /// another; the elapsed time is until the last worker is done.
    /// </summary>
    public static async Task<LevelResult> RunEachAsync(int concurrency, int count, Func<int, int, Task<bool>> operation)
    {
        var failures = 0;
        var latencies = new List<double>[concurrency];
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(index => Task.Run(async () =>
        {
            latencies[index] = new List<double>(count);
            for (var n = 0; n < count; n++)
            {
                var before = System.Diagnostics.Stopwatch.GetTimestamp();
                if (await operation(index, n))
                {
                    latencies[index].Add(System.Diagnostics.Stopwatch.GetElapsedTime(before).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LevelResult(concurrency, all.Length, failures, elapsed, all);
    }

    private static async Task<(TimeSpan Elapsed, int Failures)> RunPhaseAsync(int concurrency, TimeSpan length, int[] serials,
        Func<int, int, Task<bool>> operation, List<double>[]? latencies)
    {
        var failures = 0;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var end = started + (long)(length.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(index => Task.Run(async () =>
        {
            while (System.Diagnostics.Stopwatch.GetTimestamp() < end)
            {
                var before = System.Diagnostics.Stopwatch.GetTimestamp();
                var ok = await operation(index, serials[index]);
                var took = System.Diagnostics.Stopwatch.GetElapsedTime(before).TotalMilliseconds;
                serials[index]++;
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
                else
                {
                    latencies?[index].Add(took);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return (System.Diagnostics.Stopwatch.GetElapsedTime(started), failures);
    }
}
