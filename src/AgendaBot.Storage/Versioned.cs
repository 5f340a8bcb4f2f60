using Azure;

namespace AgendaBot.Storage;

/// <summary>A stored value with the ETag it was read with; updates must hand the ETag back.</summary>
public sealed record Versioned<T>(T Value, ETag ETag);
