using System.Globalization;
using WlzMessaging.Testing;
using WlzMessaging.Vektis.Tests.Support;

namespace WlzMessaging.Vektis.Tests;

/// <summary>
/// specs/aw319.md and specs/aw320.md against Aw319Layout and Aw320Layout, field by field and both ways: a field in one and
/// not the other, or one that differs in name, position, length, type or use, fails here.
/// </summary>
public sealed class LayoutSpecTests
{
    private const string Header = "| code | name | start | length | type | use | meaning |";

    // specs/aw319.md adds the BER's permitted values before the meaning.
    private const string Aw319Header = "| code | name | start | length | type | use | permitted | meaning |";

    private static readonly RecordType[] s_types =
        [RecordType.Voorloop, RecordType.Verzekerde, RecordType.Prestatie, RecordType.Commentaar, RecordType.Sluit];

    [Fact]
    public void Every_AW319_field_in_the_spec_is_in_the_code_and_the_other_way_round() =>
        AssertSame(RepositoryRoot.Combine("specs", "aw319.md"), Aw319Layout.FieldsOf, Aw319Header);

    [Fact]
    public void Every_AW320_field_in_the_spec_is_in_the_code_and_the_other_way_round() =>
        AssertSame(RepositoryRoot.Combine("specs", "aw320.md"), Aw320Layout.FieldsOf, Header);

    [Theory]
    [InlineData(RecordType.Voorloop)]
    [InlineData(RecordType.Verzekerde)]
    [InlineData(RecordType.Prestatie)]
    [InlineData(RecordType.Commentaar)]
    [InlineData(RecordType.Sluit)]
    public void An_AW319_record_is_covered_from_position_1_to_310_without_gap_or_overlap(RecordType type) =>
        AssertTiles(Aw319Layout.FieldsOf(type), 1, Aw319Layout.RecordLength);

    [Theory]
    [InlineData(RecordType.Voorloop)]
    [InlineData(RecordType.Verzekerde)]
    [InlineData(RecordType.Prestatie)]
    [InlineData(RecordType.Commentaar)]
    public void An_AW320_answer_part_covers_positions_311_to_370_without_gap_or_overlap(RecordType type) =>
        AssertTiles(Aw320Layout.FieldsOf(type), 311, Aw320Layout.RecordLength);

    [Fact]
    public void The_AW320_sluitrecord_covers_positions_1_to_370_without_gap_or_overlap() =>
        AssertTiles(Aw320Layout.Sluit.Fields, 1, Aw320Layout.RecordLength);

    [Fact]
    public void Every_N_field_of_the_AW319_has_a_retourcode_from_the_catalogue_for_when_it_is_not_numeric()
    {
        foreach (var type in s_types)
        {
            foreach (var field in Aw319Layout.FieldsOf(type).Where(f => f.Type == FieldType.N))
            {
                Assert.True(field.FaultCode.IsSet, $"{field.Code} has no fault code");
                Assert.NotNull(Retourcodes.Meaning(field.FaultCode));
            }
        }
    }

    [Fact]
    public void Every_code_in_how_the_reader_checks_a_file_is_in_the_catalogue_and_every_check_has_a_level()
    {
        var rows = MarkdownTables.BySection(RepositoryRoot.Combine("specs", "aw319.md"), "| check | code | level |")["How the reader checks a file"];
        Assert.True(rows.Count >= 30, $"{rows.Count} checks");
        foreach (var row in rows)
        {
            Assert.Contains(row[2], new[] { "file", "record" });
            foreach (var code in System.Text.RegularExpressions.Regex.Matches(row[1], @"\b\d{4}\b").Select(m => m.Value))
            {
                var first = ushort.Parse(code, CultureInfo.InvariantCulture);
                Assert.True(Retourcodes.Meaning(new Retourcode(first)) is not null, $"{code} in '{row[0]}' is not in the catalogue");
            }
        }
    }

    [Fact]
    public void The_specs_point_to_nothing_outside_the_repository()
    {
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("specs"), "*.md"))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("/work/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("../shared", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_permitted_value_the_spec_gives_the_reader_is_a_field_rule_and_the_other_way_round()
    {
        var spec = PermittedByReader().ToList();
        var code = Aw319FieldRules.All.Select(r => (r.Field, r.Permitted, Code: r.Retourcode.ToString())).ToList();

        foreach (var rule in spec)
        {
            Assert.True(code.Contains(rule), $"specs/aw319.md: {rule} is not in Aw319FieldRules as written");
        }

        foreach (var rule in code)
        {
            Assert.True(spec.Contains(rule), $"Aw319FieldRules has {rule}, the permitted column of specs/aw319.md does not");
        }
    }

    [Fact]
    public void Every_field_of_the_AW319_has_a_permitted_cell()
    {
        var tables = MarkdownTables.BySection(RepositoryRoot.Combine("specs", "aw319.md"), Aw319Header);
        foreach (var row in tables.Where(t => t.Key.StartsWith("Record ", StringComparison.Ordinal)).SelectMany(t => t.Value))
        {
            Assert.False(string.IsNullOrWhiteSpace(row[6]), $"{row[0]} has no permitted cell");
            foreach (var code in System.Text.RegularExpressions.Regex.Matches(row[6], @"→ ([\d, ]+)").SelectMany(m => m.Groups[1].Value.Split(", ")))
            {
                Assert.True(Retourcodes.Meaning(new Retourcode(ushort.Parse(code.Trim(), CultureInfo.InvariantCulture))) is not null, $"{row[0]}: {code} is not in the catalogue");
            }
        }
    }

    /// <summary>Rows whose permitted cell is "values → CODE" with no catalogue rule in brackets: the reader's checks.</summary>
    private static IEnumerable<(string Field, string Permitted, string Code)> PermittedByReader()
    {
        var tables = MarkdownTables.BySection(RepositoryRoot.Combine("specs", "aw319.md"), Aw319Header);
        foreach (var row in tables.Where(t => t.Key.StartsWith("Record ", StringComparison.Ordinal)).SelectMany(t => t.Value))
        {
            var cell = row[6];
            var arrow = cell.IndexOf(" → ", StringComparison.Ordinal);
            if (arrow < 0 || cell.Contains('('))
            {
                continue;
            }

            yield return (row[0], cell[..arrow], cell[(arrow + 3)..]);
        }
    }

    private static void AssertSame(string path, Func<RecordType, IReadOnlyList<FieldSpec>> layout, string header)
    {
        var tables = MarkdownTables.BySection(path, header);
        var sections = tables.Keys.Where(k => k.StartsWith("Record ", StringComparison.Ordinal)).ToList();
        Assert.Equal(s_types.Length, sections.Count);
        foreach (var section in sections)
        {
            // "Record 04 PRESTATIERECORD" names the type by its KENMERK RECORD.
            var type = (RecordType)int.Parse(section.Split(' ')[1], CultureInfo.InvariantCulture);
            Assert.Contains(type, s_types);
            var spec = tables[section].Select(row => (
                Code: row[0],
                Name: row[1],
                Start: int.Parse(row[2], CultureInfo.InvariantCulture),
                Length: int.Parse(row[3], CultureInfo.InvariantCulture),
                Type: row[4],
                Use: row[5])).ToList();
            var code = layout(type).Select(f => (f.Code, f.Name, f.Start, f.Length, Type: f.Type.ToString(), Use: f.Use.ToString())).ToList();

            foreach (var field in spec)
            {
                Assert.True(code.Contains(field), $"{path} {section}: {field} is not in the code as written");
            }

            foreach (var field in code)
            {
                Assert.True(spec.Contains(field), $"{path} {section}: the code has {field}, the spec does not");
            }

            Assert.Equal(spec.Select(f => f.Code), code.Select(f => f.Code));
        }
    }

    private static void AssertTiles(IReadOnlyList<FieldSpec> fields, int first, int last)
    {
        var next = first;
        foreach (var field in fields.OrderBy(f => f.Start))
        {
            Assert.True(field.Start == next, $"{field.Code} starts at {field.Start}, expected {next}");
            Assert.True(field.Length > 0, $"{field.Code} has no length");
            next = field.End + 1;
        }

        Assert.Equal(last + 1, next);
    }
}
