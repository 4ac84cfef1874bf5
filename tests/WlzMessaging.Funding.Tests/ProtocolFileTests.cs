namespace WlzMessaging.Funding.Tests;

/// <summary>Reading and checking protocol files: every value of the shipped VGZ 2024 file, and every error named.</summary>
public sealed class ProtocolFileTests
{
    [Fact]
    public void The_shipped_VGZ_2024_protocol_holds_the_numbers_of_the_protocol()
    {
        var vgz = AdvanceProtocolReader.Vgz2024;

        Assert.Equal("vgz-wlz 2024 v1", vgz.Label);
        Assert.Equal([5509], vgz.UzoviCodes);
        Assert.Equal(new HashSet<Regime> { Regime.Werkvoorschot, Regime.Achteraf }, vgz.Regimes);
        Assert.Equal([Day.Of("2024-01-01"), Day.Of("2024-02-01")], vgz.WerkvoorschotRuns);
        Assert.Equal(new Fraction(100, 98), vgz.WerkvoorschotFactor);
        Assert.Equal(Day.Of("2024-03-01"), vgz.FirstProductionRun);
        Assert.Equal(Day.Of("2025-04-01"), vgz.FinalRun);
        Assert.Equal(CapRule.CumulativeMonthly, vgz.Cap);
        Assert.Equal(new HashSet<string> { "M001", "M002", "I001", "I002", "ZMZ01" }, vgz.ExemptPrestaties);
        Assert.Equal(MndpRule.WithCrisisafspraak, vgz.Mndp);
        Assert.Equal(Day.Of("2025-03-25"), vgz.Cutoff.Date);
        Assert.Equal([Day.Of("2025-01-01"), Day.Of("2025-02-01")], vgz.SettlementRuns);
        Assert.Matches("^[0-9a-f]{64}$", vgz.Sha256);
    }

    [Fact]
    public void The_second_protocol_reads_with_its_own_values()
    {
        var second = Protocols.Second;

        Assert.Equal("zk-voorbeeld 2024 v3", second.Label);
        Assert.Equal([5601, 5602], second.UzoviCodes);
        Assert.Equal(new Fraction(100, 96), second.WerkvoorschotFactor);
        Assert.Equal(new HashSet<string> { "M001", "ZMZ01", "Z015" }, second.ExemptPrestaties);
        Assert.Equal(MndpRule.Never, second.Mndp);
        Assert.Equal([Day.Of("2025-02-01"), Day.Of("2025-03-01")], second.SettlementRuns);

        // February 2025: the 17th working day is the 25th; with 10 February a holiday it is the 26th.
        Assert.Equal(Day.Of("2025-02-26"), second.Cutoff.Date);
        Assert.Equal(Day.Of("2025-02-25"), CutoffRule.NthWorkingDay(17, 2025, 2, []).Date);
    }

    [Fact]
    public void Every_error_of_a_file_is_named_with_the_file_the_path_and_the_reason()
    {
        var (file, bytes) = Protocols.File("broken", "errors-2024.json");

        var errors = Assert.Throws<ProtocolFileException>(() => AdvanceProtocolReader.Read(file, bytes)).Errors;

        Assert.All(errors, e => Assert.Equal("errors-2024.json", e.File));
        Assert.Equal(
            [
                ("$.protocol", "'Zk Fout' is not a name of lower-case letters, digits and dashes (vgz-wlz)"),
                ("$.version", "0 is not a whole number 1-1000000"),
                ("$.uzovi[1]", "5601 is listed twice"),
                ("$.uzovi[2]", "123456 is not a UZOVI code (a whole number 1-9999)"),
                ("$.regimes[1]", "'vooraf' is not a regime (werkvoorschot or achteraf)"),
                ("$.productionRuns.last", "2024-12 is not in 2025 (the final run, the nacalculatie, falls in the next year)"),
                ("$.werkvoorschot.months[1]", "2024-01 does not come after 2024-02: list the months in order, each once"),
                ("$.werkvoorschot.factor", "'100/0' is not an exact fraction of whole numbers such as 100/98"),
                ("$.cap", "'per-quarter' is not one of: cumulative-monthly"),
                ("$.exempt[1]", "'m002' is not a prestatiecode (1-6 capitals or digits)"),
                ("$.mndp.counts", "'sometimes' is not one of: crisisafspraak, never"),
                ("$.cutoff.workingDay", "2025-02 has fewer than 21 working days"),
                ("$.settlement.months", "lists 1 months for 2 werkvoorschot months: one settlement month per werkvoorschot month"),
                ("$.finalRun", "is not a protocol setting (known here: protocol, version, zorgkantoor, year, uzovi, regimes, werkvoorschot, productionRuns, cap, exempt, mndp, cutoff, settlement)"),
            ],
            errors.Select(e => (e.Path, e.Reason)).OrderBy(e => Order(e.Path)).ToArray());
        Assert.Contains("errors-2024.json: $.cap: 'per-quarter' is not one of: cumulative-monthly", errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("{", "$", "not JSON")]
    [InlineData("[]", "$", "is a list, not an object")]
    [InlineData("{\"year\": 2024}", "$.protocol", "is missing")]
    public void A_file_that_is_no_protocol_is_refused_by_path(string text, string path, string reason)
    {
        var errors = Assert.Throws<ProtocolFileException>(() => AdvanceProtocolReader.Read("x.json", System.Text.Encoding.UTF8.GetBytes(text))).Errors;

        Assert.Contains(errors, e => e.Path == path && e.Reason.StartsWith(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_cutoff_on_or_after_the_final_run_is_refused()
    {
        var text = System.Text.Encoding.UTF8.GetString(AdvanceProtocolReader.ShippedBytes()).Replace("\"2025-03-25\"", "\"2025-04-01\"", StringComparison.Ordinal);

        var error = Assert.Single(Assert.Throws<ProtocolFileException>(() => AdvanceProtocolReader.Read("late.json", System.Text.Encoding.UTF8.GetBytes(text))).Errors);

        Assert.Equal(("$.cutoff", "2025-04-01 is not before the final run 2025-04-01: the final run must see every line of the year"), (error.Path, error.Reason));
    }

    [Fact]
    public void Two_files_for_one_year_are_refused()
    {
        var errors = Assert.Throws<ProtocolFileException>(() => AdvanceProtocolReader.ReadBook(
            [("a.json", AdvanceProtocolReader.ShippedBytes()), Protocols.File("second", "zk-voorbeeld-2024.json")])).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(("zk-voorbeeld-2024.json", "$.year"), (error.File, error.Path));
        Assert.Contains("a.json and zk-voorbeeld-2024.json", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_without_a_file_is_computed_by_the_nearest_earlier_protocol_moved_by_whole_years()
    {
        var book = new ProtocolBook([Protocols.Second]);

        var carried = book.For(2026);

        Assert.Equal("zk-voorbeeld 2024 v3 (carried to 2026)", carried.Label);
        Assert.Equal([Day.Of("2027-02-01"), Day.Of("2027-03-01")], carried.SettlementRuns);
        Assert.Equal(Day.Of("2027-04-01"), carried.FinalRun);
        Assert.Equal(Day.Of("2027-02-24"), carried.Cutoff.Date); // the 17th working day of February 2027, the holiday moved to 2027-02-10
        Assert.Equal(new Fraction(100, 96), carried.WerkvoorschotFactor);
        Assert.Same(Protocols.Second, book.For(2024));
        Assert.Equal(2023, book.For(2023).Year);
    }

    private static int Order(string path) => System.Array.IndexOf(
        ["$.protocol", "$.version", "$.uzovi[1]", "$.uzovi[2]", "$.regimes[1]", "$.productionRuns.last", "$.werkvoorschot.months[1]", "$.werkvoorschot.factor",
         "$.cap", "$.exempt[1]", "$.mndp.counts", "$.cutoff.workingDay", "$.settlement.months", "$.finalRun"],
        path);
}
