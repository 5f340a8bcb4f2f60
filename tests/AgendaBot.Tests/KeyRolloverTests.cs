using System.Net;
using AgendaBot.Testing;
using AgendaBot.Tests.Authentication;

namespace AgendaBot.Tests;

/// <summary>
/// The channel rolls its signing keys now and then. A token naming a key the bot has not seen makes it read the keys
/// again at once — but only now and then, so that made-up key ids cannot make it hammer the channel.
/// </summary>
public sealed class KeyRolloverTests : IAsyncLifetime
{
    private SecuredBot bot = null!;

    public async Task InitializeAsync() => bot = await SecuredBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Token_signed_by_a_key_the_channel_rolled_in_after_the_keys_were_read_is_accepted()
    {
        await bot.PostAsync(bot.HelpMessage(), bot.ValidToken());
        bot.OpenId.RollKeys();

        var response = await bot.PostAsync(bot.HelpMessage(), bot.ValidToken() with { Key = TokenSigningKey.Rolled });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await bot.Connector.WaitForCallsAsync(2)).Count);
    }

    [Fact]
    public async Task Tokens_naming_unknown_keys_make_the_bot_read_the_keys_again_only_once()
    {
        await bot.PostAsync(bot.HelpMessage(), bot.ValidToken());
        var readAtStart = bot.OpenId.KeyRequests;

        for (var i = 0; i < 5; i++)
        {
            var response = await bot.PostAsync(bot.HelpMessage(), bot.ValidToken() with { Key = TokenSigningKey.Unknown });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(readAtStart + 1, bot.OpenId.KeyRequests);
    }
}
