using System.Reflection;
using System.Text.RegularExpressions;
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

    /// <summary>The projects above Storage: they reach the database only through Storage's own types.</summary>
    private static readonly string[] s_aboveStorage = ["WlzMessaging.Ingestion", "WlzMessaging.Operations", "WlzMessaging.Host"];

    public static TheoryData<string> ProjectsAboveStorage => new(s_aboveStorage);

    [Fact]
    public void No_source_file_above_Storage_names_an_Npgsql_type()
    {
        var root = RepositoryRoot.Path;
        var naming = s_aboveStorage
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root, "src", project), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal))
            .Where(file => File.ReadLines(file).Any(NamesNpgsql))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(naming);
    }

    /// <summary>
    /// Every type of the assemblies above Storage (public, internal, private and compiler-made: closures, async state
    /// machines) and every member they declare (fields, properties, events, constructors and methods with their parameters
    /// and return types, generic arguments and element types included): none is or mentions a type of an Npgsql assembly.
    /// A data source, connection or PostgreSQL error handed through any of their signatures fails here.
    /// </summary>
    [Theory]
    [MemberData(nameof(ProjectsAboveStorage))]
    public void No_signature_above_Storage_takes_or_holds_an_Npgsql_type(string project)
    {
        var found = NpgsqlInSignatures(Assembly.Load(project == "WlzMessaging.Host" ? "wlz" : project));

        Assert.True(found.Count == 0, $"{project} names Npgsql types in its signatures:\n{string.Join('\n', found)}");
    }

    /// <summary>The check above sees what it looks for: Storage's own signatures hold Npgsql types, and it finds them.</summary>
    [Fact]
    public void The_signature_check_finds_the_Npgsql_types_Storage_holds()
    {
        var found = NpgsqlInSignatures(typeof(WlzMessaging.Storage.Store).Assembly);

        Assert.Contains("WlzMessaging.Storage.Files.FileUnitOfWork._connection: Npgsql.NpgsqlConnection", found);
        Assert.Contains(found, f => f.StartsWith("WlzMessaging.Storage.Nightly.NightlyDay.BeginAsync(dataSource): ", StringComparison.Ordinal));
    }

    private static List<string> NpgsqlInSignatures(Assembly assembly)
    {
        const BindingFlags declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic
            | BindingFlags.Instance | BindingFlags.Static;
        var found = new List<string>();
        foreach (var type in assembly.GetTypes())
        {
            Check($"{type.FullName}", type.BaseType);
            foreach (var implemented in type.GetInterfaces())
            {
                Check($"{type.FullName} implements", implemented);
            }

            foreach (var field in type.GetFields(declared))
            {
                Check($"{type.FullName}.{field.Name}", field.FieldType);
            }

            foreach (var property in type.GetProperties(declared))
            {
                Check($"{type.FullName}.{property.Name}", property.PropertyType);
            }

            foreach (var @event in type.GetEvents(declared))
            {
                Check($"{type.FullName}.{@event.Name}", @event.EventHandlerType);
            }

            foreach (var method in type.GetMethods(declared).Cast<MethodBase>().Concat(type.GetConstructors(declared)))
            {
                if (method is MethodInfo { ReturnType: var returned })
                {
                    Check($"{type.FullName}.{method.Name} returns", returned);
                }

                foreach (var parameter in method.GetParameters())
                {
                    Check($"{type.FullName}.{method.Name}({parameter.Name})", parameter.ParameterType);
                }
            }
        }

        return found.Distinct().ToList();

        void Check(string where, Type? type)
        {
            if (type is not null && MentionsNpgsql(type))
            {
                found.Add($"{where}: {type}");
            }
        }
    }

    /// <summary>Whether <paramref name="type"/>, an element type or a generic argument of it comes from an Npgsql assembly.</summary>
    private static bool MentionsNpgsql(Type type)
    {
        if (type.HasElementType)
        {
            return MentionsNpgsql(type.GetElementType()!);
        }

        if (type.IsGenericParameter)
        {
            return false;
        }

        return (type.Assembly.GetName().Name ?? "").StartsWith("Npgsql", StringComparison.Ordinal)
            || (type.IsGenericType && type.GetGenericArguments().Any(MentionsNpgsql));
    }

    /// <summary>
    /// A line of code (not a comment) that names an Npgsql namespace or type: <c>using Npgsql</c>, <c>Npgsql.X</c>,
    /// <c>NpgsqlX</c>, <c>PostgresException</c> or <c>PostgresErrorCodes</c>. Prose such as "Npgsql connection string" is not.
    /// </summary>
    private static bool NamesNpgsql(string line)
    {
        var code = line.TrimStart();
        return !code.StartsWith("//", StringComparison.Ordinal) && s_npgsqlName.IsMatch(code);
    }

    private static readonly Regex s_npgsqlName = new(@"\bNpgsql(\.|[A-Z])|\bPostgres(Exception|ErrorCodes)\b|^using Npgsql\b", RegexOptions.CultureInvariant);

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
