using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;

namespace AgendaBot.Domain.Tests;

public sealed class MeasureValidatedTests
{
    private static readonly Measure Valid = new()
    {
        Id = "m-1",
        AgendaId = "agenda-1",
        Title = "  Online-Terminvergabe im Bürgeramt ",
        Start = new DateOnly(2026, 4, 1),
        End = new DateOnly(2026, 12, 31),
        Progress = 10,
    };

    [Fact]
    public void A_valid_measure_comes_back_trimmed()
    {
        Assert.Equal("Online-Terminvergabe im Bürgeramt", Valid.Validated().Title);
    }

    [Fact]
    public void A_measure_may_start_and_end_on_the_same_day()
    {
        var oneDay = Valid with { End = Valid.Start };

        Assert.Equal(Valid.Start, oneDay.Validated().End);
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => (Valid with { End = new DateOnly(2026, 3, 31) }).Validated());

        Assert.Equal(DomainErrorCode.InvalidValue, error.Code);
        Assert.Equal(new InputProblem.EndBeforeStart(Valid.Start!.Value, new DateOnly(2026, 3, 31)), error.Problem);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Progress_outside_zero_to_hundred_is_refused(int progress)
    {
        var error = Assert.Throws<DomainException>(() => (Valid with { Progress = progress }).Validated());

        Assert.Equal(DomainErrorCode.InvalidValue, error.Code);
        Assert.Equal("progress", error.Subject);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Progress_from_zero_to_hundred_is_accepted(int progress)
    {
        Assert.Equal(progress, (Valid with { Progress = progress }).Validated().Progress);
    }

    [Fact]
    public void Too_many_work_packages_are_refused()
    {
        var packages = Enumerable.Range(1, TextLimits.ListItems + 1).Select(i => $"Paket {i}").ToList();

        var error = Assert.Throws<DomainException>(() => (Valid with { WorkPackages = packages }).Validated());

        Assert.Equal(DomainErrorCode.TooManyItems, error.Code);
        Assert.Equal(TextLimits.ListItems, error.Limit);
    }

    [Fact]
    public void Too_many_milestones_are_refused()
    {
        var milestones = Enumerable.Range(1, TextLimits.ListItems + 1).Select(i => new Milestone($"Meilenstein {i}", new DateOnly(2026, 6, 1))).ToList();

        var error = Assert.Throws<DomainException>(() => (Valid with { Milestones = milestones }).Validated());

        Assert.Equal(DomainErrorCode.TooManyItems, error.Code);
    }

    [Fact]
    public void Too_many_indicators_are_refused()
    {
        var indicators = Enumerable.Range(1, TextLimits.ListItems + 1).Select(i => new Indicator($"Kennzahl {i}", null, null, 10)).ToList();

        var error = Assert.Throws<DomainException>(() => (Valid with { Indicators = indicators }).Validated());

        Assert.Equal(DomainErrorCode.TooManyItems, error.Code);
    }

    [Fact]
    public void A_milestone_without_a_title_is_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            (Valid with { Milestones = [new Milestone(" ", new DateOnly(2026, 6, 1))] }).Validated());

        Assert.Equal(DomainErrorCode.TextMissing, error.Code);
    }
}
