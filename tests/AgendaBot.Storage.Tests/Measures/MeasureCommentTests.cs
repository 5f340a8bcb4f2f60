using AgendaBot.Domain.Measures;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Storage.Tests.Measures;

public sealed class MeasureCommentTests
{
    private readonly TenantScope tenant = TestStorage.NewTenant();
    private readonly MeasureRepository measures = new(TestStorage.Tables);

    [Fact]
    public async Task A_comment_reads_back_with_author_text_and_time()
    {
        var comment = MeasureComment.Create("m-termine", "comment-1", People.Alice, "Bitte auch telefonisch.", People.Monday);

        await measures.AddCommentAsync(tenant, SampleMeasure.AgendaId, comment);

        Assert.Equal([comment], await measures.GetCommentsAsync(tenant, SampleMeasure.AgendaId, "m-termine"));
    }

    [Fact]
    public async Task A_comment_with_the_same_id_added_twice_is_stored_once()
    {
        var comment = MeasureComment.Create("m-termine", "comment-1", People.Alice, "Bitte auch telefonisch.", People.Monday);

        var first = await measures.AddCommentAsync(tenant, SampleMeasure.AgendaId, comment);
        var second = await measures.AddCommentAsync(tenant, SampleMeasure.AgendaId, comment);

        Assert.Equal((true, false), (first, second));
        Assert.Single(await measures.GetCommentsAsync(tenant, SampleMeasure.AgendaId, "m-termine"));
    }

    [Fact]
    public async Task Comments_are_listed_per_measure()
    {
        await measures.AddCommentAsync(tenant, SampleMeasure.AgendaId, MeasureComment.Create("m-1", "c-1", People.Alice, "Eins", People.Monday));
        await measures.AddCommentAsync(tenant, SampleMeasure.AgendaId, MeasureComment.Create("m-2", "c-2", People.Bob, "Zwei", People.Monday));

        var comments = await measures.GetCommentsAsync(tenant, SampleMeasure.AgendaId, "m-1");

        Assert.Equal(["c-1"], comments.Select(c => c.Id));
    }
}
