using Azure;
using Azure.Data.Tables;
using AgendaBot.Domain.Common;

namespace AgendaBot.Storage;

internal static class Failures
{
    public const int Conflict = 409;
    public const int PreconditionFailed = 412;
    public const int NotFound = 404;

    public static bool IsConflict(this RequestFailedException failure) => failure.Status == Conflict;

    public static bool IsStale(this RequestFailedException failure) => failure.Status == PreconditionFailed;

    /// <summary>Which action of a transaction failed, when the service says so.</summary>
    public static int? FailedIndex(this TableTransactionFailedException failure) => failure.FailedTransactionActionIndex;

    public static DomainException StaleWrite() => new(DomainErrorCode.Conflict);
}
