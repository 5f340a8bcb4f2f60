using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Tests.Telemetry;

/// <summary>One measurement the bot made on one of its instruments, with its tags.</summary>
internal sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>
/// Listens to the instruments of one bot only: those its own <see cref="IMeterFactory"/> created. Bots of other tests
/// in the same process use meters of the same name, which must not count here.
/// </summary>
internal sealed class BotMeasurements : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<Measured> measured = new();

    public BotMeasurements(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    public IReadOnlyList<Measured> All => [.. measured];

    /// <summary>Asks every observable instrument (the outbox depth gauge) for its value now.</summary>
    public void Observe() => listener.RecordObservableInstruments();

    /// <summary>The sum of a counter's increments whose tags include all of <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Name, object Value)[] tags) =>
        Matching(instrument, tags).Sum(m => m.Value);

    public IEnumerable<Measured> Matching(string instrument, params (string Name, object Value)[] tags) =>
        All.Where(m => m.Instrument == instrument
            && tags.All(t => m.Tags.TryGetValue(t.Name, out var value) && Equals(value?.ToString(), t.Value.ToString())));

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        measured.Enqueue(new Measured(instrument.Name, value, copy));
    }
}
