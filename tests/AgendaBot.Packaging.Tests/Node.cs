namespace AgendaBot.Packaging.Tests;

/// <summary>The repository's Node scripts, run with the node on PATH and the packages scripts/install.sh put in node_modules.</summary>
internal static class Node
{
    public static Task<ProcessResult> RunAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var packageSchemas = Path.Combine(AgendaBot.Testing.RepositoryRoot.Path, "node_modules", "@microsoft", "app-manifest");
        if (!Directory.Exists(packageSchemas))
        {
            // Fail, never skip: a missing tool must not turn the suite silently green.
            throw new InvalidOperationException($"{packageSchemas} is missing: run scripts/install.sh (or ./test.sh) first.");
        }

        return ChildProcess.RunAsync("node", [script, .. arguments], environment);
    }
}
