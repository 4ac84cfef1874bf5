using System.Reflection;
using System.Xml.Linq;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Architecture;

/// <summary>
/// The layers of specs/architecture.md, read from the project files and the built assemblies: a project that references one
/// it must not, or a package that leaks upwards, fails here rather than in a review.
/// </summary>
public sealed class LayerTests
{
    /// <summary>Each project of src/ and the projects it may reference (directly); the arrows of specs/architecture.md.</summary>
    private static readonly Dictionary<string, string[]> s_allowed = new()
    {
        ["WlzMessaging.Vektis"] = [],
        ["WlzMessaging.Reference"] = [],
        ["WlzMessaging.Funding"] = ["WlzMessaging.Reference"],
        ["WlzMessaging.Adjudication"] = ["WlzMessaging.Vektis", "WlzMessaging.Reference"],
        ["WlzMessaging.Generator"] = ["WlzMessaging.Vektis", "WlzMessaging.Reference"],
        ["WlzMessaging.Storage"] = ["WlzMessaging.Vektis", "WlzMessaging.Reference", "WlzMessaging.Adjudication", "WlzMessaging.Funding"],
        ["WlzMessaging.Storage.Embedded"] = ["WlzMessaging.Storage"],
        ["WlzMessaging.Ingestion"] = ["WlzMessaging.Vektis", "WlzMessaging.Reference", "WlzMessaging.Adjudication", "WlzMessaging.Funding", "WlzMessaging.Storage"],
        ["WlzMessaging.Operations"] = ["WlzMessaging.Vektis", "WlzMessaging.Reference", "WlzMessaging.Adjudication", "WlzMessaging.Funding", "WlzMessaging.Storage", "WlzMessaging.Ingestion"],
        ["WlzMessaging.Host"] =
        [
            "WlzMessaging.Vektis", "WlzMessaging.Reference", "WlzMessaging.Adjudication", "WlzMessaging.Funding", "WlzMessaging.Generator",
            "WlzMessaging.Storage", "WlzMessaging.Storage.Embedded", "WlzMessaging.Ingestion", "WlzMessaging.Operations",
        ],
    };

    /// <summary>The database client and the row mapper belong to Storage (and the embedded server it starts).</summary>
    private static readonly Dictionary<string, string[]> s_packageOwners = new()
    {
        ["Npgsql"] = ["WlzMessaging.Storage", "WlzMessaging.Storage.Embedded"],
        ["Npgsql.OpenTelemetry"] = ["WlzMessaging.Storage"],
        ["Dapper"] = ["WlzMessaging.Storage"],
    };

    public static TheoryData<string> Projects => new(s_allowed.Keys);

    [Fact]
    public void Every_project_of_src_has_a_place_in_the_layers()
    {
        var projects = Directory.GetDirectories(RepositoryRoot.Combine("src"))
            .Where(d => Directory.EnumerateFiles(d, "*.csproj").Any())
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(s_allowed.Keys.Order(StringComparer.Ordinal), projects);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_references_only_the_layers_below_it(string project)
    {
        var references = Items(project, "ProjectReference")
            .Select(include => Path.GetFileNameWithoutExtension(include.Replace('\\', '/')))
            .ToList();

        var forbidden = references.Except(s_allowed[project], StringComparer.Ordinal).ToList();
        Assert.True(forbidden.Count == 0, $"{project} must not reference {string.Join(", ", forbidden)} (specs/architecture.md)");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void The_database_packages_stay_in_Storage(string project)
    {
        foreach (var package in Items(project, "PackageReference"))
        {
            if (s_packageOwners.TryGetValue(package, out var owners))
            {
                Assert.True(owners.Contains(project), $"{project} references {package}; only {string.Join(" and ", owners)} may");
            }
        }
    }

    [Theory]
    [InlineData(typeof(WlzMessaging.Vektis.Retourcode))]
    [InlineData(typeof(WlzMessaging.Reference.AgbCode))]
    [InlineData(typeof(WlzMessaging.Funding.FundingSettings))]
    [InlineData(typeof(WlzMessaging.Adjudication.AdjudicationSettings))]
    public void The_pure_layers_load_no_database_assembly(Type anyType)
    {
        var referenced = AllReferences(anyType.Assembly).ToList();

        Assert.DoesNotContain(referenced, name => name.StartsWith("Npgsql", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, name => name.StartsWith("WlzMessaging.Storage", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, name => name is "WlzMessaging.Ingestion" or "WlzMessaging.Operations" or "wlz");
    }

    /// <summary>
    /// The files above Storage that still name an Npgsql type (a data source passed through, a PostgreSQL error sorted):
    /// specs/architecture.md lists them as the step still to take. The list only shrinks: a new file that names Npgsql
    /// above Storage fails, and so does a listed file that no longer does (take it off).
    /// </summary>
    private static readonly string[] s_npgsqlAboveStorage =
    [
        "src/WlzMessaging.Host/Cli/CommandStore.cs",
        "src/WlzMessaging.Host/Commands/ProcessCommand.cs",
        "src/WlzMessaging.Host/Commands/StatusCommand.cs",
        "src/WlzMessaging.Ingestion/Nightly/NightlyJob.cs",
        "src/WlzMessaging.Ingestion/Nightly/PendingFiles.cs",
        "src/WlzMessaging.Ingestion/Nightly/StaleAnswers.cs",
        "src/WlzMessaging.Ingestion/Processing/Failures.cs",
        "src/WlzMessaging.Ingestion/Processing/FileProcessor.cs",
        "src/WlzMessaging.Ingestion/Processing/IFileAnswering.cs",
        "src/WlzMessaging.Ingestion/Processing/ReferenceImport.cs",
        "src/WlzMessaging.Ingestion/Processing/ReferenceSnapshotCache.cs",
        "src/WlzMessaging.Operations/Dashboard/DashboardEndpoints.cs",
        "src/WlzMessaging.Operations/Dashboard/DashboardServer.cs",
    ];

    [Fact]
    public void Npgsql_types_above_Storage_only_in_the_files_specs_list()
    {
        var root = RepositoryRoot.Path;
        var naming = new[] { "WlzMessaging.Ingestion", "WlzMessaging.Operations", "WlzMessaging.Host" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root, "src", project), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal))
            .Where(file => File.ReadLines(file).Any(NamesNpgsql))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(s_npgsqlAboveStorage.Order(StringComparer.Ordinal), naming);
    }

    private static bool NamesNpgsql(string line)
    {
        var code = line.TrimStart();
        return !code.StartsWith("//", StringComparison.Ordinal)
            && (code.StartsWith("using Npgsql", StringComparison.Ordinal)
                || code.Contains("NpgsqlException", StringComparison.Ordinal)
                || code.Contains("PostgresException", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Items(string project, string item)
    {
        var file = RepositoryRoot.Combine("src", project, project + ".csproj");
        return XDocument.Load(file).Descendants(item)
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>();
    }

    /// <summary>The WlzMessaging assemblies and packages an assembly needs, transitively, by name.</summary>
    private static IEnumerable<string> AllReferences(Assembly assembly)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>(assembly.GetReferencedAssemblies());
        while (pending.TryPop(out var name))
        {
            if (name.Name is not { } simple || !seen.Add(simple) || simple.StartsWith("System", StringComparison.Ordinal)
                || simple.StartsWith("Microsoft", StringComparison.Ordinal) || simple is "netstandard" or "mscorlib")
            {
                continue;
            }

            foreach (var next in Assembly.Load(name).GetReferencedAssemblies())
            {
                pending.Push(next);
            }
        }

        return seen;
    }
}
