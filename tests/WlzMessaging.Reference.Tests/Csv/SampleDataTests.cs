using WlzMessaging.Reference.Csv;

namespace WlzMessaging.Reference.Tests.Csv;

/// <summary>The sample set in testdata/reference: every file parses, and the files agree with each other.</summary>
public class SampleDataTests
{
    private static ReferenceDataSet Sample => SampleData.DataSet;

    [Fact]
    public void Every_one_of_the_eight_files_is_present_and_valid()
    {
        Assert.Equal(ReferenceCsv.All.Select(p => p.FileName), Sample.Files.Select(f => f.FileName));
        Assert.All(Sample.Files, f => Assert.True(f.IsValid, string.Join('\n', f.Problems)));
    }

    [Fact]
    public void Providers_hold_one_achteraf_provider_and_one_with_a_crisis_agreement()
    {
        var providers = Sample.Providers!.Rows;

        Assert.Equal(3, providers.Count);
        Assert.Equal([SampleData.AanZee], providers.Where(p => p.Regime == Regime.Achteraf).Select(p => p.Agb));
        Assert.Equal([SampleData.HetBaken], providers.Where(p => p.Crisisafspraak).Select(p => p.Agb));
    }

    [Fact]
    public void The_koppeltabel_holds_twelve_rows_of_the_Wlz_list()
    {
        var codes = Sample.Koppeltabel!.Rows;

        Assert.Equal(12, codes.Count);
        Assert.All(codes, c => Assert.Equal(55, c.Prestatiecodelijst));
        Assert.Equal(
            ["F125", "H126", "H300", "I001", "I002", "M001", "M002", "V015", "Z015", "Z025", "ZMZ01"],
            codes.Select(c => c.Prestatiecode.ToString()).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_other_files_hold_their_rows()
    {
        Assert.Equal(6, Sample.Afspraken!.RowCount);
        Assert.Equal(14, Sample.Tarieven!.RowCount);
        Assert.Equal(6, Sample.Maz!.RowCount);
        Assert.Equal(3, Sample.Meerzorg!.RowCount);
        Assert.Equal(3, Sample.Mndp!.RowCount);
        Assert.Equal([new InvorderingRow(SampleData.HetBaken, 2024, 1_250_000)], Sample.Invorderingen!.Rows);
    }

    [Fact]
    public void Every_agb_in_the_sample_is_a_provider()
    {
        var providers = Sample.Providers!.Rows.Select(p => p.Agb).ToHashSet();
        var used = Sample.Afspraken!.Rows.Select(r => r.Agb)
            .Concat(Sample.Tarieven!.Rows.Select(r => r.Agb))
            .Concat(Sample.Maz!.Rows.Select(r => r.Agb))
            .Concat(Sample.Meerzorg!.Rows.Select(r => r.Agb))
            .Concat(Sample.Mndp!.Rows.Select(r => r.Agb))
            .Concat(Sample.Invorderingen!.Rows.Select(r => r.Agb));

        Assert.All(used, agb => Assert.Contains(agb, providers));
    }

    [Fact]
    public void Every_agreed_tariff_is_for_a_koppeltabel_code_valid_on_the_first_of_its_year()
    {
        var snapshot = SampleData.Snapshot;

        Assert.All(Sample.Tarieven!.Rows, t =>
        {
            var first = new DateOnly(t.Jaar, 1, 1);
            Assert.True(snapshot.TryGetKoppeling(t.Prestatiecode, first, first, out _), $"{t.Prestatiecode} in {t.Jaar}");
        });
    }

    [Fact]
    public void Every_agreed_tariff_is_of_a_year_the_provider_has_an_agreement_for()
    {
        var years = Sample.Afspraken!.Rows.Select(a => (a.Agb, a.Jaar)).ToHashSet();

        Assert.All(Sample.Tarieven!.Rows, t => Assert.Contains((t.Agb, t.Jaar), years));
    }

    [Fact]
    public void Every_meerzorg_beschikking_lies_inside_a_MAZ_period_of_the_same_client_and_provider()
    {
        var snapshot = SampleData.Snapshot;

        Assert.All(Sample.Meerzorg!.Rows, m =>
            Assert.Equal(MazCoverage.Whole, snapshot.CheckMaz(m.Bsn, m.Agb, m.Begindatum, m.Einddatum ?? new DateOnly(2099, 12, 31))));
    }
}
