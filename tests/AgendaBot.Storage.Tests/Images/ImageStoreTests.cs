using AgendaBot.Storage.Images;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Tests.Images;

public sealed class ImageStoreTests
{
    private readonly TenantScope tenant = TestStorage.NewTenant();
    private readonly ImageStore images = new(TestStorage.Tables, TimeProvider.System);

    [Theory]
    [InlineData(100)]
    [InlineData(ImageStore.ChunkBytes)]
    [InlineData(ImageStore.ChunkBytes + 1)]
    [InlineData(200_000)]
    public async Task A_picture_reads_back_byte_for_byte(int size)
    {
        var png = FakePng(size);

        var token = await images.SaveAsync(tenant, png);

        Assert.Equal(png, await images.GetAsync(token));
    }

    [Fact]
    public async Task The_largest_picture_fills_fifteen_chunks_of_one_row()
    {
        var png = FakePng(ImageStore.MaxBytes);

        var token = await images.SaveAsync(tenant, png);

        Assert.Equal(png, await images.GetAsync(token));
    }

    [Fact]
    public async Task A_larger_picture_is_refused_before_anything_is_written()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => images.SaveAsync(tenant, FakePng(ImageStore.MaxBytes + 1)));
    }

    [Fact]
    public async Task Only_png_is_stored_because_everything_is_served_as_image_png()
    {
        var html = "<html><script>alert(1)</script></html>"u8.ToArray();

        await Assert.ThrowsAsync<ArgumentException>(() => images.SaveAsync(tenant, html));
    }

    [Fact]
    public async Task An_unknown_token_has_no_picture()
    {
        Assert.Null(await images.GetAsync(ImageTokens.New()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA|A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=A")]
    public async Task A_malformed_token_has_no_picture_and_never_reaches_storage(string token)
    {
        Assert.False(ImageTokens.IsWellFormed(token));
        Assert.Null(await images.GetAsync(token));
    }

    [Fact]
    public async Task The_row_is_keyed_by_the_token_alone_and_names_its_tenant_in_a_column()
    {
        var token = await images.SaveAsync(tenant, FakePng(100));

        var row = (await TestStorage.Tables.Images.GetEntityAsync<TableEntity>(token, Keys.ImageRow)).Value;
        Assert.Equal(tenant.TenantId, row.GetString("TenantId"));
        Assert.DoesNotContain(tenant.TenantId, row.PartitionKey + row.RowKey);
    }

    [Fact]
    public async Task A_tenant_deletes_its_own_picture()
    {
        var token = await images.SaveAsync(tenant, FakePng(100));

        Assert.True(await images.DeleteAsync(tenant, token));

        Assert.Null(await images.GetAsync(token));
        Assert.False(await images.DeleteAsync(tenant, token));
    }

    [Fact]
    public async Task Another_tenant_cannot_delete_the_picture()
    {
        var token = await images.SaveAsync(tenant, FakePng(100));

        Assert.False(await images.DeleteAsync(TestStorage.NewTenant(), token));

        Assert.NotNull(await images.GetAsync(token));
    }

    [Fact]
    public async Task The_same_picture_saved_twice_gets_two_tokens()
    {
        var png = FakePng(100);

        Assert.NotEqual(await images.SaveAsync(tenant, png), await images.SaveAsync(tenant, png));
    }

    /// <summary>The PNG signature and then random bytes: the store checks the signature only.</summary>
    internal static byte[] FakePng(int size)
    {
        var png = new byte[size];
        Random.Shared.NextBytes(png);
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.AsSpan(0, Math.Min(size, 8)).CopyTo(png);
        return png;
    }
}
