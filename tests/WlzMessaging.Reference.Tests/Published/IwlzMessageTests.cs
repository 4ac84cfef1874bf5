using System.Text;
using WlzMessaging.Reference.Csv;
using WlzMessaging.Reference.Iwlz;
using static WlzMessaging.Reference.Tests.SampleData;

namespace WlzMessaging.Reference.Tests.Published;

/// <summary>AW33, AW35 and AW39 messages: read with their structure checked, applied in the standard's order, into the rows toewijzingen.csv gives.</summary>
public sealed class IwlzMessageTests : IDisposable
{
    private static readonly DateOnly Dagtekening = new(2025, 1, 2);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wlz-iwlz-" + Guid.NewGuid().ToString("N"));

    public IwlzMessageTests() => System.IO.Directory.CreateDirectory(_directory);

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

    private static ToewijzingRow Row(long nummer, DateOnly? zorgBegin = null, DateOnly? zorgEinde = null, int zzp = 1, DateOnly? einde = null) =>
        new(OpenMaz, 4711, nummer, zzp, 0, Leveringsvorm.Verblijf, DeLinde, Date("2025-01-01"), einde, zorgBegin, zorgEinde);

    private string Text(IwlzBerichtSoort soort, DateOnly dagtekening, params ToewijzingRow[] rows)
    {
        using var stream = new MemoryStream();
        IwlzWriter.Write(stream, soort, DeLinde, dagtekening, 5509, rows);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private void Save(string name, string text) => File.WriteAllText(Path.Combine(_directory, name), text, new UTF8Encoding(false));

    private static string[] Problems(IReferenceFileResult result) => result.Problems.Select(p => p.ToString()).ToArray();

    [Fact]
    public void The_sample_toewijzingen_written_as_messages_read_back_as_the_same_rows()
    {
        var expected = DataSet.Toewijzingen!.Rows;

        var files = IwlzWriter.WriteAll(_directory, expected, Dagtekening);
        var result = IwlzMessageSet.Load(_directory);

        Assert.Empty(result.Problems);
        Assert.Equal(expected.OrderBy(r => r.Toewijzingnummer), result.Rows);
        Assert.Contains(files, f => Path.GetFileName(f).StartsWith("aw39-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_later_toewijzing_supersedes_an_earlier_one_by_its_toewijzingsdatum_not_by_file_order()
    {
        // The file read first by name holds the later version (ended on 31 March), the other the first one (open).
        Save("a.xml", Text(IwlzBerichtSoort.Aw33, Dagtekening.AddDays(30), Row(1, einde: Date("2025-03-31"))));
        Save("b.xml", Text(IwlzBerichtSoort.Aw33, Dagtekening, Row(1)));

        var result = IwlzMessageSet.Load(_directory);

        Assert.Equal(Date("2025-03-31"), Assert.Single(result.Rows).Einddatum);
    }

    [Fact]
    public void Meldingen_apply_by_dagtekening_and_a_withdrawn_melding_undoes_its_start()
    {
        Save("aw33.xml", Text(IwlzBerichtSoort.Aw33, Dagtekening, Row(1), Row(2, zzp: 2)));
        Save("aw35-1.xml", Text(IwlzBerichtSoort.Aw35, Dagtekening.AddDays(1), Row(1, zorgBegin: Date("2025-01-03")), Row(2, zorgBegin: Date("2025-01-03"))));
        Save("aw35-0.xml", Text(IwlzBerichtSoort.Aw35, Dagtekening.AddDays(5), Row(1, zorgBegin: Date("2025-01-06"))));
        Save("aw39.xml", Text(IwlzBerichtSoort.Aw39, Dagtekening.AddDays(60), Row(1, zorgBegin: Date("2025-01-06"), zorgEinde: Date("2025-02-28"))));
        Save("aw35-2.xml", Text(IwlzBerichtSoort.Aw35, Dagtekening.AddDays(7), Row(2, zorgBegin: Date("2025-01-03")))
            .Replace("<StatusAanlevering>1</StatusAanlevering>", "<StatusAanlevering>3</StatusAanlevering>", StringComparison.Ordinal));

        var result = IwlzMessageSet.Load(_directory);

        Assert.Empty(result.Problems);
        var first = result.Rows.Single(r => r.Toewijzingnummer == 1);
        Assert.Equal((Date("2025-01-06"), Date("2025-02-28")), (first.ZorgBegindatum!.Value, first.ZorgEinddatum!.Value));
        Assert.Null(result.Rows.Single(r => r.Toewijzingnummer == 2).ZorgBegindatum);
    }

    [Theory]
    [InlineData("<Leveringsvorm>4</Leveringsvorm>", "", "ToegewezenZorgzwaartepakket/Leveringsvorm: missing")]
    [InlineData("<Leveringsvorm>4</Leveringsvorm>", "<Leveringsvorm>1</Leveringsvorm>", "ToegewezenZorgzwaartepakket/Leveringsvorm: not a code of LDT_Leveringsvorm (2, 4, 5, 7, 8, 9): \"1\"")]
    [InlineData("<ZzpCode>001</ZzpCode>", "<ZzpCode>4VV</ZzpCode>", "ToegewezenZorgzwaartepakket/ZzpCode: not 3 digits: \"4VV\"")]
    [InlineData("<ZzpCode>001</ZzpCode>", "<ZzpCode>001</ZzpCode><Kleur>blauw</Kleur>", "ToegewezenZorgzwaartepakket/Kleur: unexpected element")]
    [InlineData("<Ingangsdatum>2025-01-01</Ingangsdatum>", "<Ingangsdatum>2025-02-30</Ingangsdatum>", "ToegewezenZorgzwaartepakket/Ingangsdatum: not a date yyyy-mm-dd: \"2025-02-30\"")]
    [InlineData("<BerichtCode>352</BerichtCode>", "<BerichtCode>354</BerichtCode>", "Header/BerichtCode: is 354, an Aw33 carries 352")]
    [InlineData("<Instelling>73730001</Instelling>", "<Instelling>7373</Instelling>", "ToegewezenZorgzwaartepakket/Instelling: not 8 digits: \"7373\"")]
    public void A_message_that_does_not_match_its_structure_is_refused_with_file_line_element_and_reason(string from, string to, string problem)
    {
        var text = Text(IwlzBerichtSoort.Aw33, Dagtekening, Row(1));
        Assert.Contains(from, text, StringComparison.Ordinal);
        Save("aw33.xml", text.Replace(from, to, StringComparison.Ordinal));

        var result = IwlzMessageSet.Load(_directory);

        Assert.Empty(result.Rows);
        var found = Assert.Single(result.Problems);
        Assert.Equal("iwlz/aw33.xml", found.File);
        Assert.True(found.Line > 1, "the problem names the line of the element");
        Assert.Equal(problem, $"{found.Column}: {found.Problem}");
    }

    [Theory]
    [InlineData("2", Leveringsvorm.Pgb)]
    [InlineData("4", Leveringsvorm.Verblijf)]
    [InlineData("5", Leveringsvorm.Vpt)]
    [InlineData("7", Leveringsvorm.Mpt)]
    [InlineData("8", Leveringsvorm.Overig)]
    [InlineData("9", Leveringsvorm.Overig)]
    public void The_leveringsvorm_is_read_by_the_iwlz_code_list_not_by_the_engines_numbers(string code, Leveringsvorm expected)
    {
        // LDT_Leveringsvorm: 2 PGB, 4 verblijf, 5 VPT, 7 MPT, 8 DTV, 9 VKB; a verblijf toewijzing is written as 4.
        var text = Text(IwlzBerichtSoort.Aw33, Dagtekening, Row(1));
        Assert.Contains("<Leveringsvorm>4</Leveringsvorm>", text, StringComparison.Ordinal);
        Save("aw33.xml", text.Replace("<Leveringsvorm>4</Leveringsvorm>", $"<Leveringsvorm>{code}</Leveringsvorm>", StringComparison.Ordinal));

        var result = IwlzMessageSet.Load(_directory);

        Assert.Empty(result.Problems);
        Assert.Equal(expected, Assert.Single(result.Rows).Leveringsvorm);
    }

    [Fact]
    public void A_real_iwlz_zzp_code_is_kept_as_the_three_digits_aw319_0413_carries()
    {
        // LDT_ZzpCode lists 3-digit codes (753 is 4VV, 808 is 5VG); "4VV" is the name, not the code (refused above).
        Save("aw33.xml", Text(IwlzBerichtSoort.Aw33, Dagtekening, Row(1, zzp: 753), Row(2, zzp: 808)));

        var result = IwlzMessageSet.Load(_directory);

        Assert.Empty(result.Problems);
        Assert.Equal([753, 808], result.Rows.Select(r => r.Zzpcode));
    }

    [Theory]
    [InlineData("02", true)]
    [InlineData("17", true)]
    [InlineData("19", true)]
    [InlineData("20", true)]
    [InlineData("12", false)]
    [InlineData("18", false)]
    [InlineData("21", false)]
    public void Only_a_mutatiecode_that_ends_delivered_care_sets_the_end_of_care(string code, bool endsCare)
    {
        Save("aw33.xml", Text(IwlzBerichtSoort.Aw33, Dagtekening, Row(1)));
        Save("aw35.xml", Text(IwlzBerichtSoort.Aw35, Dagtekening.AddDays(1), Row(1, zorgBegin: Date("2025-01-03"))));
        var aw39 = Text(IwlzBerichtSoort.Aw39, Dagtekening.AddDays(2), Row(1, zorgBegin: Date("2025-01-03"), zorgEinde: Date("2025-02-28")));
        Assert.Contains("<Mutatiecode>19</Mutatiecode>", aw39, StringComparison.Ordinal);
        Save("aw39.xml", aw39.Replace("<Mutatiecode>19</Mutatiecode>", $"<Mutatiecode>{code}</Mutatiecode>", StringComparison.Ordinal));

        var result = IwlzMessageSet.Load(_directory);

        Assert.Empty(result.Problems);
        var row = Assert.Single(result.Rows);
        Assert.Equal(Date("2025-01-03"), row.ZorgBegindatum);
        Assert.Equal(endsCare ? Date("2025-02-28") : null, row.ZorgEinddatum);
    }

    [Fact]
    public void A_mutatiecode_outside_the_code_list_is_refused()
    {
        Save("aw33.xml", Text(IwlzBerichtSoort.Aw33, Dagtekening, Row(1)));
        Save("aw35.xml", Text(IwlzBerichtSoort.Aw35, Dagtekening.AddDays(1), Row(1, zorgBegin: Date("2025-01-03"))));
        Save("aw39.xml", Text(IwlzBerichtSoort.Aw39, Dagtekening.AddDays(2), Row(1, zorgBegin: Date("2025-01-03"), zorgEinde: Date("2025-02-28")))
            .Replace("<Mutatiecode>19</Mutatiecode>", "<Mutatiecode>10</Mutatiecode>", StringComparison.Ordinal));

        var result = IwlzMessageSet.Load(_directory);

        Assert.Empty(result.Rows);
        Assert.Equal(["MutatieZorgzwaartepakket/Mutatiecode: not a code of LDT_MutatieCode (02, 12, 17-21): \"10\""],
            result.Problems.Select(p => $"{p.Column}: {p.Problem}"));
    }

    [Fact]
    public void A_bad_bsn_is_refused_without_showing_it()
    {
        var text = Text(IwlzBerichtSoort.Aw33, Dagtekening, Row(1)).Replace("<Bsn>999990019</Bsn>", "<Bsn>999990018</Bsn>", StringComparison.Ordinal);
        Save("aw33.xml", text);

        var result = IwlzMessageSet.Load(_directory);

        Assert.Equal(["Client/Bsn: not a BSN (9 digits passing the elfproef)"], result.Problems.Select(p => $"{p.Column}: {p.Problem}"));
        Assert.All(Problems(result), p => Assert.DoesNotContain("99999001", p, StringComparison.Ordinal));
    }

    [Fact]
    public void A_message_of_another_standard_or_not_well_formed_is_refused()
    {
        Save("a.xml", Text(IwlzBerichtSoort.Aw33, Dagtekening, Row(1)).Replace("/2_4/aw33/", "/2_2/aw33/", StringComparison.Ordinal));
        var whole = Text(IwlzBerichtSoort.Aw33, Dagtekening, Row(1));
        Save("b.xml", whole[..(whole.Length / 2)]); // cut off in the middle, as a transfer that broke off

        var result = IwlzMessageSet.Load(_directory);

        Assert.Empty(result.Rows);
        Assert.Equal(["iwlz/a.xml", "iwlz/b.xml"], result.Problems.Select(p => p.File));
        Assert.StartsWith("Bericht: not an iWlz 2.4 AW33, AW35 or AW39 message", $"{result.Problems[0].Column}: {result.Problems[0].Problem}", StringComparison.Ordinal);
        Assert.StartsWith("not well-formed XML", result.Problems[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_melding_about_a_toewijzing_the_set_does_not_give_is_refused()
    {
        Save("aw33.xml", Text(IwlzBerichtSoort.Aw33, Dagtekening, Row(1)));
        Save("aw35.xml", Text(IwlzBerichtSoort.Aw35, Dagtekening, Row(2, zorgBegin: Date("2025-01-03"))));

        var result = IwlzMessageSet.Load(_directory);

        Assert.Empty(result.Rows);
        Assert.Equal(["ToewijzingNummer: no AW33 of the set gives toewijzing 2"], result.Problems.Select(p => $"{p.Column}: {p.Problem}"));
    }

    [Fact]
    public void An_end_of_care_before_its_start_is_refused()
    {
        Save("aw33.xml", Text(IwlzBerichtSoort.Aw33, Dagtekening, Row(1)));
        Save("aw35.xml", Text(IwlzBerichtSoort.Aw35, Dagtekening, Row(1, zorgBegin: Date("2025-02-01"))));
        Save("aw39.xml", Text(IwlzBerichtSoort.Aw39, Dagtekening, Row(1, zorgBegin: Date("2025-02-01"), zorgEinde: Date("2025-01-15"))));

        var result = IwlzMessageSet.Load(_directory);

        Assert.Empty(result.Rows);
        Assert.Contains("end of care lies before its start", Assert.Single(result.Problems).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_directory_with_an_iwlz_subdirectory_reads_the_messages_as_its_toewijzingen()
    {
        var iwlz = Path.Combine(_directory, IwlzMessageSet.DirectoryName);
        IwlzWriter.WriteAll(iwlz, DataSet.Toewijzingen!.Rows, Dagtekening);

        var set = ReferenceDataSet.Load(_directory);
        var hash = set.Sha256Of(set.Toewijzingen!);

        Assert.True(set.IsValid);
        Assert.Equal(DataSet.Toewijzingen!.RowCount, set.Toewijzingen!.RowCount);
        Assert.Equal(hash, set.Sha256Of(ReferenceDataSet.Load(_directory).Toewijzingen!));
        File.WriteAllText(Path.Combine(_directory, "toewijzingen.csv"), "x\n");
        Assert.Equal(["iwlz:0: file: toewijzingen.csv is in the directory too: give one of the two"], Problems(ReferenceDataSet.Load(_directory).Toewijzingen!));
    }
}
