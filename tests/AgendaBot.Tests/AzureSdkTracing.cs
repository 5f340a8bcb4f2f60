using System.Runtime.CompilerServices;

namespace AgendaBot.Tests;

/// <summary>
/// The Azure SDK reads its switch for tracing once per process, on its first call. A deployed bot sets it in its
/// telemetry set-up, before any storage call; in this test process other tests call storage through the SDK first,
/// and whichever came first decided for all — so the storage-span assertions depended on test order. Set before anything.
/// </summary>
internal static class AzureSdkTracing
{
#pragma warning disable CA2255 // A test assembly is the application here: the switch must be set before any test runs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Enable() => AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
}
