using System.Text.RegularExpressions;
using WlzMessaging.Testing;
using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication.Tests;

/// <summary>specs/rules.md and <see cref="RuleCatalogue"/> name the same rules, levels and codes, both ways.</summary>
public sealed partial class RuleCatalogueTests
{
    private static readonly string[] Headers =
    [
        "| id | level | condition | retourcode | source |",
        "| id | level | condition | effect | source |",
    ];

    private sealed record SpecRule(string Id, string Level, IReadOnlyList<Retourcode> Codes, int LineNumber);

    private static List<SpecRule> ReadSpec()
    {
        var path = RepositoryRoot.Combine("specs", "rules.md");
        var lines = File.ReadAllLines(path);
        var rules = new List<SpecRule>();
        var inTable = false;
        var codedTable = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (Headers.Contains(line))
            {
                inTable = true;
                codedTable = line == Headers[0];
                i++;
                Assert.StartsWith("| ---", lines[i], StringComparison.Ordinal);
                continue;
            }

            if (!inTable)
            {
                continue;
            }

            if (!line.StartsWith('|'))
            {
                inTable = false;
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            Assert.True(cells.Length == 5, $"rules.md:{i + 1}: {cells.Length} cells, expected 5");
            var codes = codedTable
                ? FourDigits().Matches(cells[3]).Select(m => new Retourcode(ushort.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))).ToArray()
                : [];
            rules.Add(new SpecRule(cells[0], cells[1], codes, i + 1));
        }

        return rules;
    }

    [Fact]
    public void The_spec_and_the_code_name_the_same_rules_in_the_same_order()
    {
        Assert.Equal(ReadSpec().Select(r => r.Id), RuleCatalogue.All.Select(r => r.Id));
    }

    [Fact]
    public void Every_rule_has_the_level_and_codes_of_its_row()
    {
        var spec = ReadSpec().ToDictionary(r => r.Id);
        foreach (var rule in RuleCatalogue.All)
        {
            var row = spec[rule.Id];
            var level = rule.Level switch { RuleLevel.File => "file", RuleLevel.Client => "client", _ => "line" };
            Assert.True(row.Level == level, $"{rule.Id}: level {row.Level} in the spec, {level} in code");
            Assert.True(row.Codes.SequenceEqual(rule.Codes), $"{rule.Id}: codes {string.Join(",", row.Codes)} in the spec, {string.Join(",", rule.Codes)} in code");
        }
    }

    [Fact]
    public void Every_rejecting_rule_gives_exactly_one_code_the_product_knows()
    {
        foreach (var rule in RuleCatalogue.All.Where(r => r.Rejects))
        {
            var code = Assert.Single(rule.Codes);
            Assert.NotNull(Retourcodes.Meaning(code));
        }

        Assert.Equal(["R01", "R02"], RuleCatalogue.All.Where(r => !r.Rejects).Select(r => r.Id));
    }

    [Fact]
    public void Every_line_rule_has_a_flag_of_its_own_named_by_its_id()
    {
        // A rule added between two others takes a free high bit, so no flag changes meaning when one is added.
        var names = Enum.GetNames<LineRules>().Where(n => n != nameof(LineRules.None)).Order(StringComparer.Ordinal);
        Assert.Equal(RuleCatalogue.LineRules.Select(r => r.Id).Order(StringComparer.Ordinal), names);
        var flags = RuleCatalogue.LineRules.Select(r => (uint)Enum.Parse<LineRules>(r.Id)).ToList();
        Assert.All(flags, f => Assert.True(System.Numerics.BitOperations.IsPow2(f)));
        Assert.Equal(flags.Count, flags.Distinct().Count());
        for (var i = 0; i < 19; i++)
        {
            Assert.Equal((LineRules)(1u << i), Enum.Parse<LineRules>($"L{i + 1:D2}"));
        }

        Assert.Equal(["L01a", "L04", "L12", "L12a", "L19"], RuleCatalogue.Of(LineRules.L19 | LineRules.L12a | LineRules.L04 | LineRules.L12 | LineRules.L01a).Select(r => r.Id));
    }

    [Fact]
    public void Finds_a_rule_by_id()
    {
        Assert.Same(RuleCatalogue.L12, RuleCatalogue.Get("L12"));
        Assert.Throws<KeyNotFoundException>(() => RuleCatalogue.Get("L99"));
    }

    [GeneratedRegex(@"\b\d{4}\b")]
    private static partial Regex FourDigits();
}
