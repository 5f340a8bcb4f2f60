using System.Buffers;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace AgendaBot.Infrastructure.Graph;

/// <summary>Graph is not configured, so a Graph-backed feature cannot run; the user is told so.</summary>
public sealed class GraphNotConfiguredException() : InvalidOperationException("Microsoft Graph is not configured (Graph:Enabled and a bot credential).");

/// <summary>
/// Puts a document into a channel's "Dateien" tab (the channel's folder in the team's SharePoint library), where
/// everyone in the channel can open and download it.
/// </summary>
public sealed class ChannelFiles(GraphConnection graph)
{
    // Characters SharePoint refuses in file names; refusing them here gives a clear error instead of a 400 from Graph.
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("\"*:<>?/\\|#%");

    public bool IsAvailable => graph.IsAvailable;

    /// <summary>
    /// Uploads <paramref name="content"/> as <paramref name="fileName"/> into the channel's files folder, replacing a
    /// file of that name, and returns the address to open it. A simple upload: Graph takes up to 250 MB this way.
    /// </summary>
    /// <exception cref="GraphNotConfiguredException">Graph is not configured.</exception>
    public async Task<Uri> PublishAsync(string teamAadGroupId, string channelId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var client = graph.Client ?? throw new GraphNotConfiguredException();
        if (string.IsNullOrWhiteSpace(fileName) || fileName.IndexOfAny(Forbidden) >= 0 || fileName.Trim() != fileName)
        {
            throw new ArgumentException($"'{fileName}' cannot be a file name in SharePoint.", nameof(fileName));
        }

        var folder = await client.Teams[teamAadGroupId].Channels[channelId].FilesFolder.GetAsync(cancellationToken: cancellationToken);
        if (folder is not { Id: { } folderId, ParentReference.DriveId: { } driveId })
        {
            throw new InvalidOperationException("Graph returned a files folder without its id or drive id.");
        }

        DriveItem? uploaded = await client.Drives[driveId].Items[folderId].ItemWithPath(fileName).Content
            .PutAsync(content, cancellationToken: cancellationToken);
        return uploaded?.WebUrl is { } webUrl
            ? new Uri(webUrl)
            : throw new InvalidOperationException("Graph stored the file but returned no webUrl.");
    }
}
