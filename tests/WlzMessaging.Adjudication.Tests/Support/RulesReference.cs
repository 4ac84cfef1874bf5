using WlzMessaging.Reference;
using WlzMessaging.Reference.Csv;
using WlzMessaging.Testing;

namespace WlzMessaging.Adjudication.Tests.Support;

/// <summary>The reference data every rule test runs against: testdata/rules/reference, loaded once.</summary>
internal static class RulesReference
{
    private static readonly Lazy<ReferenceSnapshot> s_snapshot = new(Load);
    private static readonly Lazy<ReferenceSnapshot> s_withToewijzingen = new(LoadWithToewijzingen);

    public static string Directory => RepositoryRoot.Combine("testdata", "rules", "reference");

    public static ReferenceSnapshot Snapshot => s_snapshot.Value;

    /// <summary>testdata/rules/toewijzingen/toewijzingen.csv: one toewijzing per client of the rules' reference data.</summary>
    public static string ToewijzingenDirectory => RepositoryRoot.Combine("testdata", "rules", "toewijzingen");

    /// <summary>The same reference data plus the toewijzingen of <see cref="ToewijzingenDirectory"/>: rules L20 and L21 apply.</summary>
    public static ReferenceSnapshot WithToewijzingen => s_withToewijzingen.Value;

    /// <summary>The rules' reference tables with <paramref name="toewijzingen"/> instead of the shipped ones.</summary>
    public static ReferenceSnapshot With(IReadOnlyList<ToewijzingRow> toewijzingen, IReadOnlyList<MazRow>? maz = null)
    {
        var tables = Snapshot.Tables;
        return ReferenceSnapshot.Build(new ReferenceTables
        {
            Providers = tables.Providers,
            Koppeltabel = tables.Koppeltabel,
            Afspraken = tables.Afspraken,
            Tarieven = tables.Tarieven,
            Maz = maz ?? tables.Maz,
            Meerzorg = tables.Meerzorg,
            Mndp = tables.Mndp,
            Invorderingen = tables.Invorderingen,
            Toewijzingen = toewijzingen,
        });
    }

    private static ReferenceSnapshot LoadWithToewijzingen()
    {
        var set = ReferenceDataSet.Load(ToewijzingenDirectory);
        if (!set.IsValid || set.Toewijzingen is null)
        {
            throw new InvalidOperationException("testdata/rules/toewijzingen has problems: " + string.Join("; ", set.Problems));
        }

        return With(set.Toewijzingen.Rows);
    }

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
