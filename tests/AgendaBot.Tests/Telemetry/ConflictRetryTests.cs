using AgendaBot.Domain.Common;
using AgendaBot.Infrastructure.Tables;
using AgendaBot.Storage;
using Microsoft.Extensions.Logging;

namespace AgendaBot.Tests.Telemetry;

public sealed class ConflictRetryTests
{
    [Fact]
    public async Task Write_that_always_loses_is_given_up_with_a_warning()
    {
        using var logs = new CapturingLoggerProvider();
        var tries = 0;

        var landed = await ConflictRetry.TryAsync(logs.CreateLogger("test"), "pinboard ids", _ =>
        {
            tries++;
            throw new DomainException(DomainErrorCode.Conflict, "workshop");
        }, default);

        Assert.False(landed);
        Assert.Equal(OptimisticRetry.MaxAttempts, tries);
        Assert.Contains(logs.Lines, line => line.StartsWith($"{LogLevel.Warning} test Gave up writing pinboard ids", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_that_wins_after_losing_is_not_logged()
    {
        using var logs = new CapturingLoggerProvider();
        var tries = 0;

        var landed = await ConflictRetry.TryAsync(logs.CreateLogger("test"), "priorities", _ =>
            ++tries < 3 ? throw new DomainException(DomainErrorCode.Conflict, "contribution") : Task.CompletedTask,
            default);

        Assert.True(landed);
        Assert.Equal(3, tries);
        Assert.Empty(logs.Lines);
    }
}
