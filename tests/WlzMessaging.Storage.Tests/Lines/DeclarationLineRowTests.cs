using WlzMessaging.Storage.Lines;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Lines;

/// <summary><see cref="DeclarationLineRow.Load"/>: a stored line's texts must fit their Vektis fields, as the COPY buffer assumes.</summary>
public sealed class DeclarationLineRowTests
{
    [Fact]
    public void A_reference_longer_than_its_field_is_refused_by_name_without_the_line_s_personal_data()
    {
        var line = StoredFiles.Lines(fileId: 7, count: 1).Single() with { Referentienummer = new string('R', 21) };

        var refused = Assert.Throws<ArgumentException>(() => new DeclarationLineRow().Load(line));

        Assert.Contains("0431 has 21 characters, its field 20", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(line.Bsn.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Texts_that_fit_are_taken_as_they_are()
    {
        var line = StoredFiles.Lines(fileId: 7, count: 10).Last();
        var row = new DeclarationLineRow();

        row.Load(line);

        Assert.Equal(line.Referentienummer, row.Referentienummer.ToString());
        Assert.Equal(line.VoorgaandReferentienummer, row.VoorgaandReferentienummer.ToString());
        Assert.Equal(line.Prestatiecode, row.Prestatiecode.ToString());
        Assert.Equal(line.ApprovedCents, row.ApprovedCents);
    }

    [Theory]
    [InlineData((short)8001, true)]
    [InlineData((short)8067, false)]
    [InlineData((short)8215, false)]
    public void Approved_is_the_first_retourcode_being_8001(short code, bool approved)
    {
        var row = new DeclarationLineRow { Retourcode1 = code };

        Assert.Equal(approved, row.Approved);
    }

    [Fact]
    public void The_declaration_year_is_the_year_of_the_begin_date_and_null_without_one()
    {
        var row = new DeclarationLineRow { BeginDate = new DateOnly(2023, 12, 31) };
        Assert.Equal((short)2023, row.DeclarationYear);

        row.BeginDate = null;
        Assert.Null(row.DeclarationYear);
    }
}
