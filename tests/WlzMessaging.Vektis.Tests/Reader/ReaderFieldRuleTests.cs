using WlzMessaging.Vektis.Tests.Support;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;
using S = WlzMessaging.Vektis.Aw319Layout.Sluit;

namespace WlzMessaging.Vektis.Tests.Reader;

/// <summary>
/// The BER's value rules the reader checks (<see cref="Aw319FieldRules"/>, the "permitted" column of specs/aw319.md): each
/// rule's counterexample, put into a sound file, gets the rule's code, on the file or on that record.
/// </summary>
public sealed class ReaderFieldRuleTests
{
    public static TheoryData<string> Fields => [.. Aw319FieldRules.All.Select(r => r.Field)];

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task A_value_the_BER_does_not_permit_gets_the_code_of_its_rule(string code)
    {
        var rule = Aw319FieldRules.All.Single(r => r.Field == code);
        var type = (RecordType)int.Parse(code[..2], System.Globalization.CultureInfo.InvariantCulture);
        var field = Aw319Layout.FieldsOf(type).Single(f => f.Code == code);
        var file = Aw319FileBuilder.Standard();
        Assert.Empty((await Reading.ReadAsync(file)).FileCodes);
        var index = file.Records.FindIndex(r => r.Type == type);
        file.Edit(index, r => r.Set(field, rule.Violation));

        var read = await Reading.ReadAsync(file);

        var codes = read.FileCodes.Concat(read.Records.Where(r => r.Number == index + 1).SelectMany(r => r.Faults.ToString().Split(' ')));
        Assert.Contains(rule.Retourcode.ToString(), codes);
    }

    [Fact]
    public async Task Doorsturen_toegestaan_other_than_1_marks_the_line_with_8179()
    {
        // On today's main only a 0407 that was not a digit got 8179; a 0 passed.
        var file = Aw319FileBuilder.Standard().Edit(3, r => r.Set(P.DoorsturenToegestaan, 0));
        var read = await Reading.ReadAsync(file);

        Assert.Empty(read.FileCodes);
        Assert.Equal(["4:8179"], read.RecordCodes);
    }

    [Fact]
    public async Task A_sluitrecord_that_counts_fewer_than_two_detail_records_rejects_the_file_with_0156_even_when_it_matches()
    {
        // 01 · 02 · 99: one detail record, counted right. The order fault is 8026; the BER's minimum of 9906 is 0156 too.
        var file = Aw319FileBuilder.Standard();
        file.Records.RemoveRange(2, file.Records.Count - 3);
        file.Sluit.Set(S.AantalVerzekerdenrecords, 1).Set(S.AantalPrestatierecords, 0).Set(S.AantalCommentaarrecords, 0)
            .Set(S.TotaalAantalDetailrecords, 1).Set(S.TotaalDeclaratiebedrag, 0).Set(S.IndicatieDebetCredit, "D");
        var read = await Reading.ReadAsync(file);

        Assert.Equal(["8026", "0156"], read.FileCodes);
    }
}
