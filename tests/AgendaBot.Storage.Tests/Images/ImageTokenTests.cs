using System.Buffers.Text;
using AgendaBot.Storage.Images;

namespace AgendaBot.Storage.Tests.Images;

/// <summary>The token is the only thing between a picture and whoever guesses its URL.</summary>
public sealed class ImageTokenTests
{
    private static readonly List<string> Tokens = [.. Enumerable.Range(0, 4000).Select(_ => ImageTokens.New())];

    [Fact]
    public void A_token_is_32_url_safe_characters_carrying_192_random_bits()
    {
        Assert.All(Tokens, token =>
        {
            Assert.Matches("^[A-Za-z0-9_-]{32}$", token);
            Assert.True(ImageTokens.IsWellFormed(token));
            Assert.Equal(24, Base64Url.DecodeFromChars(token).Length);
        });
    }

    [Fact]
    public void No_two_tokens_are_equal()
    {
        Assert.Equal(Tokens.Count, Tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_bytes_look_uniformly_random()
    {
        // 96,000 bytes: a uniform source gives close to 8 bits of entropy per byte; a counter or a clock does not.
        var counts = new int[256];
        foreach (var value in Tokens.SelectMany(token => Base64Url.DecodeFromChars(token)))
        {
            counts[value]++;
        }

        var total = (double)counts.Sum();
        var entropy = -counts.Where(c => c > 0).Sum(c => c / total * Math.Log2(c / total));
        Assert.InRange(entropy, 7.99, 8.0);
    }

    [Fact]
    public void Tokens_do_not_share_prefixes_the_way_sequential_ids_would()
    {
        var prefixes = Tokens.Select(token => token[..4]).Distinct(StringComparer.Ordinal).Count();

        Assert.True(prefixes > Tokens.Count * 0.99, $"{prefixes} distinct 4-character prefixes of {Tokens.Count}");
    }
}
