using OpenTelemetry.Trace;

namespace AgendaBot.Infrastructure.Telemetry;

/// <summary>
/// Records every trace except the background polls that run whether anything happens or not: the delivery worker
/// looking into an empty outbox every few seconds and the depth gauge asking for the queue's size. As root spans they
/// would outnumber everything else in Application Insights; inside a traced operation they are kept.
/// </summary>
public sealed class QuietPollingSampler : Sampler
{
    private static readonly HashSet<string> Polls = ["QueueClient.ReceiveMessages", "QueueClient.GetProperties"];

    private readonly Sampler inner = new ParentBasedSampler(new AlwaysOnSampler());

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.ParentContext.TraceId == default && Polls.Contains(samplingParameters.Name)
            ? new SamplingResult(SamplingDecision.Drop)
            : inner.ShouldSample(samplingParameters);
}
