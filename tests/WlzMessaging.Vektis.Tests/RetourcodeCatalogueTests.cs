using System.Reflection;
using WlzMessaging.Testing;
using WlzMessaging.Vektis.Tests.Support;

namespace WlzMessaging.Vektis.Tests;

/// <summary>specs/retourcodes.md against <see cref="Retourcodes"/>: the same codes, each with the same meaning.</summary>
public sealed class RetourcodeCatalogueTests
{
    private const string Header = "| code | meaning | level | used for |";

    private static List<string[]> Rows() =>
        MarkdownTables.BySection(RepositoryRoot.Combine("specs", "retourcodes.md"), Header).Values.Single();

    [Fact]
    public void Every_code_in_the_spec_is_in_the_code_and_the_other_way_round()
    {
        var spec = Rows().Select(r => r[0]).ToList();
        var code = Retourcodes.All.Select(c => c.ToString()).ToList();
        Assert.Equal(spec.Count, spec.Distinct().Count());
        Assert.Empty(spec.Except(code));
        Assert.Empty(code.Except(spec));
        Assert.Equal(code, spec); // both in ascending order
    }

    [Fact]
    public void Every_code_has_the_same_meaning_in_the_spec_and_in_the_code()
    {
        foreach (var row in Rows())
        {
            var code = new Retourcode(ushort.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(row[1] == Retourcodes.Meaning(code), $"{row[0]}: spec '{row[1]}', code '{Retourcodes.Meaning(code)}'");
        }
    }

    [Fact]
    public void Every_level_in_the_spec_is_one_the_spec_defines()
    {
        string[] levels = ["file", "client", "line", "record", "any"];
        foreach (var row in Rows())
        {
            Assert.Contains(row[2], levels);
            Assert.False(string.IsNullOrWhiteSpace(row[3]), $"{row[0]} says nothing about what it is used for");
        }
    }

    [Fact]
    public void Every_named_retourcode_in_the_code_is_in_the_catalogue()
    {
        var named = typeof(Retourcodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Retourcode))
            .Select(f => (Retourcode)f.GetValue(null)!)
            .ToList();
        Assert.Equal(Retourcodes.All.Count, named.Count);
        Assert.All(named, c => Assert.Contains(c, Retourcodes.All));
    }

    [Fact]
    public void The_row_of_every_code_an_N_field_gives_when_not_numeric_names_that_field()
    {
        var usedFor = Rows().ToDictionary(r => r[0], r => r[3]);
        RecordType[] types = [RecordType.Voorloop, RecordType.Verzekerde, RecordType.Prestatie, RecordType.Commentaar, RecordType.Sluit];
        foreach (var field in types.SelectMany(Aw319Layout.FieldsOf).Where(f => f.Type == FieldType.N))
        {
            // KENMERK RECORD holds the record's type: when it is not digits the record has no type, which is 0002 anyway.
            if (field.Code.EndsWith("01", StringComparison.Ordinal))
            {
                continue;
            }

            var row = usedFor[field.FaultCode.ToString()];
            Assert.True(row.Contains(field.Code, StringComparison.Ordinal), $"{field.Code} gives {field.FaultCode}, whose row does not name it");
        }
    }

    [Fact]
    public void A_code_the_product_does_not_know_has_no_meaning() =>
        Assert.Null(Retourcodes.Meaning(new Retourcode(9999)));
}
