using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Infrastructure.Graph;
using Microsoft.Kiota.Abstractions;

namespace AgendaBot.Features.Export;

/// <summary>
/// "In Kanaldateien veröffentlichen" on the export card: the agenda document goes into the channel's "Dateien" tab,
/// where everyone in the channel can open it, and the channel learns where. The same people as for the export may do
/// this, checked again here; publishing twice replaces the file of that name.
/// </summary>
public sealed partial class PublishAgendaToChannelFiles(ExportRights rights, AgendaExporter exporter, ChannelFiles files,
    ILogger<PublishAgendaToChannelFiles> logger) : ICardActionHandler<PublishData>
{
    /// <summary>The team's Graph group id and the channel's id, or null outside a team channel.</summary>
    public static (string TeamAadGroupId, string ChannelId)? ChannelOf(TurnContext turn) =>
        !turn.IsPersonalChat && turn.Activity.ChannelData is { Team.AadGroupId: { Length: > 0 } team, Channel.Id: { Length: > 0 } channel }
            ? (team, channel)
            : null;

    public async Task<CardActionResult> HandleAsync(TurnContext turn, PublishData input, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        if (ChannelOf(turn) is not { } channel)
        {
            return new CardActionResult.Message(texts[TextKey.ExportPublishOnlyInChannel]);
        }

        // A card copied into another team's channel names an agenda that is not this channel's: nothing to publish there.
        var agenda = await rights.AgendaToExportAsync(turn, cancellationToken);
        if (agenda is null || agenda.Id != input.AgendaId)
        {
            throw new DomainException(DomainErrorCode.NotFound, "agenda");
        }

        if (!files.IsAvailable)
        {
            return new CardActionResult.Message(texts[TextKey.ExportPublishNeedsGraph]);
        }

        var document = await exporter.DocumentAsync(turn.Tenant, agenda.Id, texts, cancellationToken)
            ?? throw new DomainException(DomainErrorCode.NotFound, "agenda");
        Uri webUrl;
        try
        {
            webUrl = await files.PublishAsync(channel.TeamAadGroupId, channel.ChannelId, document.FileName, new MemoryStream(document.Content), cancellationToken);
        }
        catch (GraphNotConfiguredException)
        {
            return new CardActionResult.Message(texts[TextKey.ExportPublishNeedsGraph]);
        }
        catch (Exception error) when (error is ApiException or HttpRequestException or InvalidOperationException or AggregateException)
        {
            // 404 (no files folder yet) or an answer Graph left incomplete; the SDK's retry handler gives up on 429 and
            // 503 with an AggregateException of what each try returned.
            LogPublishFailed(logger, error.GetType().Name, (error as ApiException)?.ResponseStatusCode);
            return new CardActionResult.Message(texts[TextKey.ExportPublishFailed]);
        }

        await turn.ReplyAsync(ExportCard.Published(document.FileName, webUrl, texts), cancellationToken);
        return new CardActionResult.Message(texts.Format(TextKey.ExportPublishedTitle, document.FileName));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the agenda into the channel files failed ({Error}, status {Status})")]
    private static partial void LogPublishFailed(ILogger logger, string error, int? status);
}
