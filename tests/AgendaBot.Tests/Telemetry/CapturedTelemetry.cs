using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AgendaBot.Tests.Telemetry;

/// <summary>
/// What the bot's OpenTelemetry pipeline exports, caught in memory: the finished spans, every log record written out
/// as text (records are pooled, so they are read when exported), and metric snapshots on demand.
/// </summary>
internal sealed class CapturedTelemetry
{
    private readonly ConcurrentQueue<string> logs = new();

    private readonly ConcurrentQueue<Activity> spans = new();

    public IReadOnlyList<Activity> Spans => [.. spans];

    public List<MetricSnapshot> Metrics { get; } = [];

    public IReadOnlyList<string> Logs => [.. logs];

    /// <summary>Adds the in-memory exporters to the bot's own tracer, meter and logger providers.</summary>
    public void AddTo(IServiceCollection services) => services.AddOpenTelemetry()
        .WithTracing(tracing => tracing.AddProcessor(new SimpleActivityExportProcessor(new SpanSink(spans))))
        .WithMetrics(metrics => metrics.AddInMemoryExporter(Metrics))
        .WithLogging(logging => logging.AddProcessor(new SimpleLogRecordExportProcessor(new LogText(logs))));

    /// <summary>The spans of the trace in which the bot handled the activity with this id.</summary>
    public IReadOnlyList<Activity> TraceOf(string activityId)
    {
        var all = Spans;
        var handling = all.Single(s => s.GetTagItem("agendabot.activity.id") as string == activityId);
        return [.. all.Where(s => s.TraceId == handling.TraceId)];
    }

    /// <summary>Every span as text: name, tags, status, events with their tags.</summary>
    public IEnumerable<string> SpanTexts() => Spans.Select(span =>
    {
        var text = new StringBuilder($"{span.Source.Name} {span.DisplayName} {span.Status} {span.StatusDescription}");
        foreach (var (key, value) in span.EnumerateTagObjects())
        {
            text.Append($" {key}={value}");
        }

        foreach (var activityEvent in span.Events)
        {
            text.Append($" event {activityEvent.Name}");
            foreach (var (key, value) in activityEvent.EnumerateTagObjects())
            {
                text.Append($" {key}={value}");
            }
        }

        foreach (var (key, value) in span.Baggage)
        {
            text.Append($" baggage {key}={value}");
        }

        return text.ToString();
    });

    /// <summary>Every exported metric point as text: name and tags.</summary>
    public IEnumerable<string> MetricTexts()
    {
        lock (Metrics)
        {
            return [.. Metrics.SelectMany(metric => metric.MetricPoints.Select(point =>
            {
                var text = new StringBuilder(metric.Name);
                foreach (var tag in point.Tags)
                {
                    text.Append($" {tag.Key}={tag.Value}");
                }

                return text.ToString();
            }))];
        }
    }

    private sealed class SpanSink(ConcurrentQueue<Activity> spans) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var span in batch)
            {
                spans.Enqueue(span);
            }

            return ExportResult.Success;
        }
    }

    private sealed class LogText(ConcurrentQueue<string> logs) : BaseExporter<LogRecord>
    {
        public override ExportResult Export(in Batch<LogRecord> batch)
        {
            foreach (var record in batch)
            {
                var text = new StringBuilder($"{record.LogLevel} {record.CategoryName} {record.FormattedMessage} {record.Body}");
                foreach (var (key, value) in record.Attributes ?? [])
                {
                    text.Append($" {key}={value}");
                }

                record.ForEachScope((scope, builder) =>
                {
                    foreach (var (key, value) in scope)
                    {
                        builder.Append($" scope {key}={value}");
                    }
                }, text);
                text.Append($" {record.Exception}");
                logs.Enqueue(text.ToString());
            }

            return ExportResult.Success;
        }
    }
}
