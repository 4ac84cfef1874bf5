using static WlzMessaging.Reference.Tests.SampleData;

namespace WlzMessaging.Reference.Tests.Lookups;

/// <summary>
/// Building a snapshot from rows that did not pass the import checks is a bug upstream (storage, a test), so it throws
/// rather than answering a lookup one of two ways.
/// </summary>
public class SnapshotBuildTests
{
    private static readonly KoppeltabelRow s_h300 = new(
        55, Code("H300"), "Begeleiding", [], [4], Tijdseenheid.Minuut, null, Date("2015-01-01"), Date("2024-12-31"));

    [Fact]
    public void Two_tariffs_entered_on_one_day_are_refused()
    {
        var tables = new ReferenceTables
        {
            Tarieven =
            [
                new TariefRow(DeLinde, 2025, Code("Z015"), 100, Date("2024-12-01")),
                new TariefRow(DeLinde, 2025, Code("Z015"), 200, Date("2024-12-01")),
            ],
        };

        var thrown = Assert.Throws<ArgumentException>(() => ReferenceSnapshot.Build(tables));
        Assert.StartsWith("tarieven:", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_versions_of_a_koppeltabel_code_are_refused()
    {
        var tables = new ReferenceTables { Koppeltabel = [s_h300, s_h300 with { Ingangsdatum = Date("2024-12-31"), Einddatum = null }] };

        Assert.Throws<ArgumentException>(() => ReferenceSnapshot.Build(tables));
    }

    [Fact]
    public void Overlapping_meerzorg_beschikkingen_are_refused_and_the_message_holds_no_BSN()
    {
        var tables = new ReferenceTables
        {
            Meerzorg =
            [
                new MeerzorgRow(OpenMaz, DeLinde, Date("2025-01-01"), null, 100),
                new MeerzorgRow(OpenMaz, DeLinde, Date("2025-06-01"), Date("2025-06-30"), 200),
            ],
        };

        var thrown = Assert.Throws<ArgumentException>(() => ReferenceSnapshot.Build(tables));
        Assert.DoesNotContain(OpenMaz.ToString(System.Globalization.CultureInfo.InvariantCulture), thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_providers_with_one_agb_are_refused()
    {
        var tables = new ReferenceTables
        {
            Providers = [new ProviderRow(DeLinde, "a", Regime.Achteraf, false), new ProviderRow(DeLinde, "b", Regime.Achteraf, false)],
        };

        Assert.Throws<ArgumentException>(() => ReferenceSnapshot.Build(tables));
    }

    [Fact]
    public void A_zzp_code_outside_000_to_999_is_refused()
    {
        var tables = new ReferenceTables { Koppeltabel = [s_h300 with { Zzpcodes = [1000] }] };

        Assert.Throws<ArgumentException>(() => ReferenceSnapshot.Build(tables));
    }

    [Fact]
    public void Changing_the_source_lists_after_the_build_does_not_change_the_snapshot()
    {
        var providers = new List<ProviderRow> { new(DeLinde, "De Linde", Regime.Werkvoorschot, false) };
        var snapshot = ReferenceSnapshot.Build(new ReferenceTables { Providers = providers });

        providers.Clear();

        Assert.True(snapshot.TryGetProvider(DeLinde, out _));
        Assert.Single(snapshot.Tables.Providers);
    }

    [Fact]
    public void The_empty_snapshot_finds_nothing()
    {
        var empty = ReferenceSnapshot.Empty;

        Assert.False(empty.TryGetProvider(DeLinde, out _));
        Assert.False(empty.TryGetKoppeling(Code("Z015"), Date("2025-01-01"), Date("2025-01-31"), out _));
        Assert.Equal(MazCoverage.None, empty.CheckMaz(OpenMaz, DeLinde, Date("2025-01-01"), Date("2025-01-31")));
        Assert.Equal(TariefStatus.NotAgreed, empty.FindTarief(DeLinde, 2025, Code("Z015"), Date("2025-03-01"), out _));
    }

    [Fact]
    public void A_koppeltabel_row_read_back_with_new_lists_equals_the_row_written()
    {
        var written = s_h300 with { Functiecodes = [4, 5] };
        var readBack = s_h300 with { Functiecodes = [.. new[] { 4, 5 }] };

        Assert.Equal(written, readBack);
        Assert.Equal(written.GetHashCode(), readBack.GetHashCode());
        Assert.NotEqual(written, s_h300);
    }
}
