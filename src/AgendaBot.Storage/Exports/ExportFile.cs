namespace AgendaBot.Storage.Exports;

/// <summary>A generated file for download: what it is called, its media type and its bytes.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content);
