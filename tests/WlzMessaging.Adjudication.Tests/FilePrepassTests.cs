using WlzMessaging.Adjudication.Tests.Support;
using WlzMessaging.Reference;
using WlzMessaging.Vektis;
using V = WlzMessaging.Vektis.Aw319Layout.Voorloop;

namespace WlzMessaging.Adjudication.Tests;

/// <summary>The first pass: what storage must ask the history, and what only the whole file shows.</summary>
public sealed class FilePrepassTests
{
    private static async Task<FilePrepassResult> PrepassAsync(Aw319Builder builder)
    {
        var prepass = new FilePrepass();
        await VektisReader.ReadAsync(new MemoryStream(builder.Build().ToBytes()), prepass);
        return prepass.Complete();
    }

    [Fact]
    public async Task Reads_the_provider_kind_period_and_invoice_from_the_voorlooprecord()
    {
        var result = await PrepassAsync(new Aw319Builder().Voorloop(v => v.Set(V.SoortBericht, "T").Set(V.Factuurnummer, "F-77")).Client(Clients.A).Z015());

        Assert.Equal(new FileHeader(Aw319Builder.Instellingscode, true, Aw319Builder.January31, "F-77", new DateOnly(2025, 2, 5)), result.Header);
        Assert.Equal(new AdjudicationContext(Aw319Builder.Received, Aw319Builder.Instellingscode, true), result.ContextFor(Aw319Builder.Received));
    }

    [Fact]
    public async Task Lists_each_referentienummer_once_and_counts_the_repeats()
    {
        var result = await PrepassAsync(new Aw319Builder().Client(Clients.A).Z015("R1").Z015("R2").Client(Clients.D).Z015("R1").Z015("R1"));

        Assert.Equal(["R1", "R2"], result.Referentienummers.Select(r => r.ToString()).Order());
        Assert.Equal(2, result.RepeatedReferentienummers);
        Assert.Equal(4, result.Lines);
    }

    [Fact]
    public async Task Lists_the_voorgaande_referentienummers_of_credit_lines_only()
    {
        var result = await PrepassAsync(new Aw319Builder().Client(Clients.A)
            .Z015("D1", voorgaand: "OP-DEBET-GENEGEERD")
            .Z015("C1", credit: true, voorgaand: "D0")
            .Z015("C2", credit: true, voorgaand: "D0")
            .Z015("C3", credit: true));

        Assert.Equal(["D0"], result.VoorgaandeReferentienummers.Select(r => r.ToString()));
        Assert.Equal(1, result.DebitLines);
        Assert.Equal(3, result.CreditLines);
    }

    [Fact]
    public async Task Lists_the_client_prestatie_pairs_of_debit_lines_and_the_period_they_span()
    {
        var result = await PrepassAsync(new Aw319Builder()
            .Client(Clients.A).Z015().Line("H126", new DateOnly(2025, 1, 5), new DateOnly(2025, 1, 6), 60, 105).Z015()
            .Client(Clients.D).Line("Z015", new DateOnly(2024, 12, 30), new DateOnly(2024, 12, 31), 2, 14250)
            .Line("V015", new DateOnly(2023, 1, 1), new DateOnly(2023, 1, 31), 31, 100, credit: true, voorgaand: "X"));

        var pairs = result.DebitClientPrestaties.Select(p => (p.Bsn, p.Prestatiecode.ToString())).Order().ToArray();
        Assert.Equal(
            [(Clients.Number(Clients.A), "H126"), (Clients.Number(Clients.A), "Z015"), (Clients.Number(Clients.D), "Z015")],
            pairs);
        Assert.Equal(new DateOnly(2024, 12, 30), result.DebitPeriodBegin);
        Assert.Equal(Aw319Builder.January31, result.DebitPeriodEnd);
    }

    [Fact]
    public async Task Pairs_a_credit_with_the_debit_it_names_when_the_amounts_are_equal()
    {
        var result = await PrepassAsync(new Aw319Builder().Client(Clients.A)
            .Z015("D1")
            .Z015("C1", credit: true, voorgaand: "D1")
            .Z015("C2", credit: true, voorgaand: "C1")
            .Z015("D2")
            .Line("Z015", Aw319Builder.January1, Aw319Builder.January31, 30, 14730, "C3", credit: true, voorgaand: "D2"));

        // D1-C1 cancel; C2 names a credit, C3 has another amount than D2.
        Assert.Equal(2, result.CancellingLines);
    }

    [Fact]
    public async Task A_file_without_debit_lines_has_no_period_to_ask_about()
    {
        var result = await PrepassAsync(new Aw319Builder().Client(Clients.A).Z015("C1", credit: true, voorgaand: "D1"));

        Assert.Null(result.DebitPeriodBegin);
        Assert.Null(result.DebitPeriodEnd);
        Assert.Empty(result.DebitClientPrestaties);
    }

    [Fact]
    public async Task Is_complete_once()
    {
        var prepass = new FilePrepass();
        await VektisReader.ReadAsync(new MemoryStream(new Aw319Builder().Client(Clients.A).Z015().Build().ToBytes()), prepass);

        var first = prepass.Complete();

        Assert.Same(first, prepass.Complete());
        Assert.Throws<InvalidOperationException>(() =>
            prepass.OnRecord(new VektisRecord(new byte[310], RecordType.Prestatie, 9, default, true)));
    }
}
