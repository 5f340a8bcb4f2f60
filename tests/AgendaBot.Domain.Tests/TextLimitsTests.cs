using AgendaBot.Domain.Common;

namespace AgendaBot.Domain.Tests;

public sealed class TextLimitsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public void A_missing_required_text_is_refused_naming_the_field(string? text)
    {
        var error = Assert.Throws<DomainException>(() => TextLimits.Required(text, TextLimits.Title, "title"));

        Assert.Equal(DomainErrorCode.TextMissing, error.Code);
        Assert.Equal("title", error.Subject);
    }

    [Fact]
    public void A_too_long_required_text_is_refused_with_the_limit()
    {
        var error = Assert.Throws<DomainException>(() => TextLimits.Required(Given.Text(TextLimits.Title + 1), TextLimits.Title, "title"));

        Assert.Equal(DomainErrorCode.TextTooLong, error.Code);
        Assert.Equal("title", error.Subject);
        Assert.Equal(TextLimits.Title, error.Limit);
    }

    [Fact]
    public void A_required_text_is_trimmed()
    {
        Assert.Equal("Digitale Agenda", TextLimits.Required("  Digitale Agenda \n", TextLimits.Title, "title"));
    }

    [Fact]
    public void Surrounding_whitespace_does_not_count_against_the_limit()
    {
        var exactly = Given.Text(TextLimits.Title);

        Assert.Equal(exactly, TextLimits.Required($"   {exactly}   ", TextLimits.Title, "title"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_optional_text_becomes_null(string? text)
    {
        Assert.Null(TextLimits.Optional(text, TextLimits.Title, "place"));
    }

    [Fact]
    public void A_too_long_optional_text_is_refused_with_the_limit()
    {
        var error = Assert.Throws<DomainException>(() => TextLimits.Optional(Given.Text(TextLimits.Url + 1), TextLimits.Url, "link"));

        Assert.Equal(DomainErrorCode.TextTooLong, error.Code);
        Assert.Equal(TextLimits.Url, error.Limit);
    }

    [Fact]
    public void Too_many_items_are_refused_with_the_limit()
    {
        var items = Enumerable.Range(1, TextLimits.ListItems + 1).ToList();

        var error = Assert.Throws<DomainException>(() => TextLimits.Bounded(items, TextLimits.ListItems, "milestones"));

        Assert.Equal(DomainErrorCode.TooManyItems, error.Code);
        Assert.Equal("milestones", error.Subject);
        Assert.Equal(TextLimits.ListItems, error.Limit);
    }

    [Fact]
    public void Items_up_to_the_limit_are_accepted()
    {
        var items = Enumerable.Range(1, TextLimits.ListItems).ToList();

        Assert.Same(items, TextLimits.Bounded(items, TextLimits.ListItems, "milestones"));
    }
}
