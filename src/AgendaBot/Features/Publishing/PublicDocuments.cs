using AgendaBot.Bot.Localization;
using AgendaBot.Domain.People;
using AgendaBot.Features.Export;
using AgendaBot.Storage;

namespace AgendaBot.Features.Publishing;

/// <summary>
/// The published version as a Word document to download from the pages, in German and English: the export's
/// document, but naming no one — where the export names a measure's owner, this one names the responsible unit or role.
/// Made when the lead publishes, so that the file is the version published.
/// </summary>
public sealed class PublicDocuments(AgendaContentReader reader, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<string, byte[]>> MakeAsync(TenantScope tenant, string agendaId, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(tenant, agendaId, cancellationToken) is not { } content)
        {
            return new Dictionary<string, byte[]>();
        }

        // Not even an owner who agreed: a file once downloaded cannot be taken back when they withdraw.
        var nameless = content with
        {
            Measures = content.Measures.Select(m => m with { Owner = m.ResponsibleUnit is { } unit ? new TeamsUser("unit", unit) : null }).ToList(),
        };
        var today = Measures.EvaluationReader.Today(time.GetUtcNow());
        return new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["de"] = AgendaDocument.Build(nameless, new Texts(BotCulture.German), today),
            ["en"] = AgendaDocument.Build(nameless, new Texts(BotCulture.English), today),
        };
    }
}
