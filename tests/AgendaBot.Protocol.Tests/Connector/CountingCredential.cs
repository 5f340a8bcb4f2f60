using Azure.Core;

namespace AgendaBot.Protocol.Tests.Connector;

/// <summary>A credential on the test's clock: token-1, token-2, … each valid for the given lifetime; it can hold requests.</summary>
internal sealed class CountingCredential(TimeProvider time, TimeSpan lifetime) : TokenCredential
{
    private readonly TaskCompletionSource asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource release = CompletedSource();
    private int requests;

    public int Requests => Volatile.Read(ref requests);

    public IReadOnlyList<string> LastScopes { get; private set; } = [];

    public void HoldRequests() => release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseRequests() => release.TrySetResult();

    public Task WaitUntilAskedAsync() => asked.Task.WaitAsync(TimeSpan.FromSeconds(10));

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref requests);
        LastScopes = requestContext.Scopes;
        asked.TrySetResult();
        await release.Task.WaitAsync(cancellationToken);
        return new AccessToken($"token-{number}", time.GetUtcNow() + lifetime);
    }

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource();
        source.SetResult();
        return source;
    }
}
