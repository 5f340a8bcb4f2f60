namespace AgendaBot.EndToEnd.Tests;

/// <summary>The checkout the tests run from: the folder holding AgendaBot.sln, above the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AgendaBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains AgendaBot.sln.");
    }
}
