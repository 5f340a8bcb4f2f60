using System.Net;
using AgendaBot.Infrastructure.Charts;
using AgendaBot.Storage;
using AgendaBot.Storage.Images;
using AgendaBot.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Tests.Telemetry;

public sealed class ImageTokenSpanTests
{
    [Fact]
    public async Task Image_token_is_kept_out_of_spans()
    {
        var captured = new CapturedTelemetry();
        await using var bot = new BotServer(configureServices: captured.AddTo);
        await bot.Services.GetRequiredService<StorageTables>().EnsureCreatedAsync();
        var png = ResultsChart.Render(new ResultsChartData("Ergebnis", "Punkte", [new("#1 WLAN", 3)]));
        var token = await bot.Services.GetRequiredService<ImageStore>().SaveAsync(new TenantScope($"tenant-{Guid.NewGuid():N}"), png);

        using var response = await bot.Http.GetAsync(new Uri($"images/{token}.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var spans = captured.SpanTexts().ToList();
        Assert.Contains(spans, s => s.Contains("/images/{token}.png", StringComparison.Ordinal));
        Assert.DoesNotContain(spans, s => s.Contains(token, StringComparison.Ordinal));
    }
}
