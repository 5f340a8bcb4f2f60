using System.Reflection;
using System.Xml.Linq;

namespace AgendaBot.Architecture.Tests;

internal static class Assemblies
{
    public static Assembly Protocol => typeof(Protocol.Activities.Activity).Assembly;

    public static Assembly Domain => typeof(Domain.Common.DomainException).Assembly;

    public static Assembly Storage => typeof(Storage.TenantScope).Assembly;

    public static Assembly Host => typeof(AgendaBotHost).Assembly;

    public static Assembly Load(string name) => name switch
    {
        "AgendaBot.Protocol" => Protocol,
        "AgendaBot.Domain" => Domain,
        "AgendaBot.Storage" => Storage,
        _ => Host,
    };

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The names of the projects a project file references, followed through to the projects they reference.</summary>
    public static IReadOnlySet<string> ProjectReferences(string projectFile)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([projectFile]);
        while (pending.TryPop(out var file))
        {
            foreach (var include in XDocument.Load(file).Descendants("ProjectReference").Select(r => (string?)r.Attribute("Include")))
            {
                var referenced = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, include!.Replace('\\', '/')));
                if (found.Add(Path.GetFileNameWithoutExtension(referenced)))
                {
                    pending.Push(referenced);
                }
            }
        }

        return found;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AgendaBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("AgendaBot.sln not found above " + AppContext.BaseDirectory);
    }
}
