using Azure;

namespace AgendaBot.Storage;

/// <summary>
/// Tells the front doors whether a failure came from the storage service, so that they answer "storage unavailable"
/// without knowing the Azure SDK's exceptions.
/// </summary>
public static class StorageOutage
{
    /// <summary>The service failed or could not be reached (Azure.Core reports an unreachable service as status 0).</summary>
    public static bool IsUnavailable(Exception failure) => failure is RequestFailedException { Status: 0 or >= 500 };

    /// <summary>The storage service refused or failed a request, for whatever reason.</summary>
    public static bool IsStorageFailure(Exception failure) => failure is RequestFailedException;
}
