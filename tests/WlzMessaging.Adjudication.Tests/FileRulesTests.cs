using WlzMessaging.Adjudication.Tests.Support;
using WlzMessaging.Vektis;
using V = WlzMessaging.Vektis.Aw319Layout.Voorloop;

namespace WlzMessaging.Adjudication.Tests;

/// <summary>F01 (the reader's), F02 and R01: the rules about the file as a whole.</summary>
public sealed class FileRulesTests
{
    [Fact]
    public async Task F01_fires_for_a_file_addressed_to_another_zorgkantoor()
    {
        var bytes = new Aw319Builder().Voorloop(v => v.Set(V.UzoviNummer, 3311)).Client(Clients.A).Z015().Build().ToBytes();

        var result = await VektisReader.ReadAsync(new MemoryStream(bytes), new FilePrepass(), new VektisReaderOptions { ExpectedUzovi = Aw319Builder.Uzovi });

        Assert.True(result.IsRejected);
        Assert.Contains(RuleCatalogue.F01.Retourcode, result.DistinctFileFaultCodes());
    }

    [Fact]
    public async Task F01_is_silent_for_a_file_addressed_to_this_zorgkantoor()
    {
        var bytes = new Aw319Builder().Client(Clients.A).Z015().Build().ToBytes();

        var result = await VektisReader.ReadAsync(new MemoryStream(bytes), new FilePrepass(), new VektisReaderOptions { ExpectedUzovi = Aw319Builder.Uzovi });

        Assert.False(result.IsRejected);
    }

    [Fact]
    public void F02_rejects_an_invoice_received_before_with_0030()
    {
        var fault = Assert.Single(FileRules.Factuurnummer(alreadyReceived: true));

        Assert.Equal(Retourcodes.FactuurnummerNietUniek, fault.Code);
        Assert.Equal(1, fault.RecordNumber);
    }

    [Fact]
    public void F02_is_silent_for_a_new_invoice()
    {
        Assert.Empty(FileRules.Factuurnummer(alreadyReceived: false));
    }

    [Fact]
    public void R01_flags_a_file_received_more_than_17_working_days_after_its_month()
    {
        Assert.True(FileRules.IsLaat(new DateOnly(2025, 4, 30), new DateOnly(2025, 5, 27)));
        Assert.False(FileRules.IsLaat(new DateOnly(2025, 4, 30), new DateOnly(2025, 5, 26)));
        Assert.False(FileRules.IsLaat(null, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public async Task R01_rejects_nothing()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015(), received: new DateOnly(2025, 2, 27));

        Assert.True(FileRules.IsLaat(judged.Prepass.Header.EinddatumDeclaratieperiode, new DateOnly(2025, 2, 27)));
        judged.Line.IsApproved();
    }
}
