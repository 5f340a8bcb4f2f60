namespace AgendaBot.LoadDriver;

/// <summary>Reads the bot's resident memory every 200 ms while a load runs and keeps the highest value.</summary>
internal sealed class MemorySampler(BotProcess bot) : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private Task? loop;

    public double PeakRssMiB { get; private set; }

    public MemorySampler Start()
    {
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                PeakRssMiB = Math.Max(PeakRssMiB, bot.Memory().RssMiB);
                await Task.Delay(200, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (loop is not null)
        {
            await loop;
        }

        stop.Dispose();
    }
}
