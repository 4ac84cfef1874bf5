using WlzMessaging.Reference;
using WlzMessaging.Reference.Csv;
using WlzMessaging.Testing;

namespace WlzMessaging.Adjudication.Tests.Support;

/// <summary>The reference data every rule test runs against: testdata/rules/reference, loaded once.</summary>
internal static class RulesReference
{
    private static readonly Lazy<ReferenceSnapshot> s_snapshot = new(Load);

    public static string Directory => RepositoryRoot.Combine("testdata", "rules", "reference");

    public static ReferenceSnapshot Snapshot => s_snapshot.Value;

    private static ReferenceSnapshot Load()
    {
        var set = ReferenceDataSet.Load(Directory);
        if (!set.IsValid)
        {
            throw new InvalidOperationException("testdata/rules/reference has problems: " + string.Join("; ", set.Problems));
        }

        return ReferenceSnapshot.Build(set.ToTables());
    }
}
