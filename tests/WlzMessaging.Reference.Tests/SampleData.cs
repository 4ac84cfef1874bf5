using WlzMessaging.Reference.Csv;
using WlzMessaging.Testing;

namespace WlzMessaging.Reference.Tests;

/// <summary>The sample reference set in testdata/reference, loaded once for the whole test run.</summary>
internal static class SampleData
{
    private static readonly Lazy<ReferenceDataSet> s_dataSet = new(() => ReferenceDataSet.Load(Directory));
    private static readonly Lazy<ReferenceSnapshot> s_snapshot = new(() => ReferenceSnapshot.Build(s_dataSet.Value.ToTables()));

    public static string Directory => RepositoryRoot.Combine("testdata", "reference");

    public static ReferenceDataSet DataSet => s_dataSet.Value;

    public static ReferenceSnapshot Snapshot => s_snapshot.Value;

    // The sample's actors, named by their role in the tests.
    public const int DeLinde = 73730001;         // werkvoorschot, no crisis agreement; herschikking and a tariff change in 2025
    public const int HetBaken = 73730002;        // werkvoorschot with a crisis agreement; MNDP rows, an open recovery
    public const int AanZee = 73730003;          // achteraf, extramural codes only
    public const int OpenMaz = 999990019;        // De Linde from 2023-05-01, no MEZ; two meerzorg beschikkingen in 2025
    public const int EndedMaz = 999990020;       // De Linde 2022-01-01 through MEZ 2024-08-15
    public const int TwoPeriods = 999990032;     // Het Baken 2024-01-01..2024-03-31 and from 2024-06-01
    public const int ShortMeerzorg = 999990056;  // De Linde from 2025-02-10; meerzorg through 2025-12-31

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static PrestatieCode Code(string text) => PrestatieCode.Parse(text);
}
