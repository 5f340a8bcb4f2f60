namespace AgendaBot.Storage.Tests;

public sealed class KeysTests
{
    [Theory]
    [InlineData("19:abc@thread.tacv2", "19:abc@thread.tacv2")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("a#b?c", "a%23b%3Fc")]
    [InlineData("a|b", "a%7Cb")]
    [InlineData("100%", "100%25")]
    [InlineData("line\nbreak", "line%0Abreak")]
    public void Key_parts_escape_what_Table_keys_forbid_and_the_separator(string part, string escaped) =>
        Assert.Equal(escaped, Keys.Escape(part));

    [Fact]
    public void Contribution_rows_sort_by_number()
    {
        var rows = new[] { 10, 2, 1, 100 }.Select(Keys.ContributionRow).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["c|000001", "c|000002", "c|000010", "c|000100"], rows);
    }

    [Fact]
    public void Measure_history_rows_sort_newest_first()
    {
        var older = Keys.MeasureHistoryRow("m1", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "a");
        var newer = Keys.MeasureHistoryRow("m1", new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), "b");

        Assert.True(string.CompareOrdinal(newer, older) < 0);
    }

    [Fact]
    public void A_tenant_range_covers_its_partitions_and_no_other_tenants()
    {
        var (from, to) = Keys.TenantRange("t1");

        static bool Within(string key, string from, string to) =>
            string.CompareOrdinal(key, from) >= 0 && string.CompareOrdinal(key, to) < 0;

        Assert.True(Within(Keys.WorkshopPartition("t1", "ws"), from, to));
        Assert.False(Within(Keys.WorkshopPartition("t10", "ws"), from, to));
        Assert.False(Within(Keys.WorkshopPartition("t0", "ws"), from, to));
    }

    [Fact]
    public void An_image_partition_is_its_token_and_lies_in_no_tenant_range()
    {
        var token = AgendaBot.Storage.Images.ImageTokens.New();
        var (from, to) = Keys.TenantRange(token[..8]);

        Assert.Equal(token, Keys.ImagePartition(token));
        Assert.False(string.CompareOrdinal(token, from) >= 0 && string.CompareOrdinal(token, to) < 0);
    }
}
