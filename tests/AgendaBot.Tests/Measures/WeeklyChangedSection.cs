using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Features.Measures;
using AgendaBot.Protocol.Cards;
using AgendaBot.Storage;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Tests.Measures;

/// <summary>The lines under "what changed since last week" of a Monday post, rendered from what the repository stores.</summary>
internal static class WeeklyChangedSection
{
    public static async Task<List<string>> LinesAsync(MeasureRepository measures, TenantScope tenant, string agendaId, DateTimeOffset postedAt, Texts texts)
    {
        var all = await measures.GetAllAsync(tenant, agendaId);
        var history = await measures.GetHistorySinceAsync(tenant, agendaId, postedAt - WeeklyStatus.Week);
        var card = WeeklyStatusCard.Render("Digitale Agenda Hagenow", all, WeeklyStatus.Compose(all, history, postedAt), texts);
        var heading = card.Body!.OfType<TextBlock>().Single(b => b.Text == texts[TextKey.WeeklyChanged]);
        return card.Body!.SkipWhile(b => b != heading).Skip(1).OfType<RichTextBlock>().Select(b => b.Inlines[0].Text).ToList();
    }
}
