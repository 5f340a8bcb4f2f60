using AgendaBot.Infrastructure.Graph;
using AgendaBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Tests.Graph;

public sealed class ChannelFilesTests
{
    private const string TeamGroupId = "0f5e4c3b-2a19-4d8e-9c7b-6a5f4e3d2c1b";
    private const string ChannelId = "19:workshop-verwaltung@thread.tacv2";

    [Fact]
    public async Task Document_is_uploaded_into_the_channel_files_folder()
    {
        await using var graph = await LocalGraphServer.StartAsync();
        await using var room = await GraphRoom.OpenAsync(graph, new FixedTokenCredential("graph-token"));
        var document = "PK\u0003\u0004 Digitale Agenda Hagenow – Zeit-Maßnahmen-Plan"u8.ToArray();
        using var scope = room.Bot.Services.CreateScope();
        var files = scope.ServiceProvider.GetRequiredService<ChannelFiles>();

        var link = await files.PublishAsync(TeamGroupId, ChannelId, "Digitale Agenda Hagenow.docx", new MemoryStream(document), CancellationToken.None);

        Assert.Equal(LocalGraphServer.WebUrlOf(TeamGroupId, "Digitale Agenda Hagenow.docx"), link.AbsoluteUri);
        Assert.Equal(document, graph.UploadedFile(TeamGroupId, ChannelId, "Digitale Agenda Hagenow.docx"));
        Assert.Equal(
            [
                ("GET", $"/v1.0/teams/{TeamGroupId}/channels/{ChannelId}/filesFolder"),
                ("PUT", $"/v1.0/drives/{LocalGraphServer.DriveOf(TeamGroupId)}/items/{LocalGraphServer.FolderOf(ChannelId)}:/Digitale Agenda Hagenow.docx:/content"),
            ],
            graph.Requests.Select(r => (r.Method, r.Path)));
        Assert.All(graph.Requests, r => Assert.Equal("Bearer graph-token", r.Authorization));
    }

    [Fact]
    public async Task Without_Graph_publishing_says_Graph_is_not_configured()
    {
        await using var room = await Workshops.WorkshopRoom.OpenAsync();
        using var scope = room.Bot.Services.CreateScope();
        var files = scope.ServiceProvider.GetRequiredService<ChannelFiles>();

        Assert.False(files.IsAvailable);
        await Assert.ThrowsAsync<GraphNotConfiguredException>(() =>
            files.PublishAsync(TeamGroupId, ChannelId, "Agenda.docx", new MemoryStream([1, 2, 3]), CancellationToken.None));
    }
}
