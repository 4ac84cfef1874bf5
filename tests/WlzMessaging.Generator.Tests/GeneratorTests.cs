using WlzMessaging.Vektis;

namespace WlzMessaging.Generator.Tests;

public class GeneratorTests
{
    private static readonly Aw319GeneratorOptions s_small = new() { Lines = 2_000, Seed = 7, Comments = true };

    private static byte[] Generate(Aw319GeneratorOptions options) => new Aw319Generator(options).ToArray();

    private static VektisReaderOptions StrictFor(Aw319Generator generator) => new()
    {
        ReceivedDate = generator.EarliestReceivedDate,
        ExpectedUzovi = generator.Options.Uzovi,
    };

    [Fact]
    public void The_same_seed_gives_the_same_bytes()
    {
        Assert.Equal(Generate(s_small), Generate(s_small));
    }

    [Fact]
    public void Another_seed_gives_another_file()
    {
        Assert.NotEqual(Generate(s_small), Generate(s_small with { Seed = 8 }));
    }

    [Fact]
    public async Task Writing_to_a_stream_gives_the_same_bytes_as_writing_to_a_buffer()
    {
        var generator = new Aw319Generator(s_small);
        using var stream = new MemoryStream();
        var result = await generator.WriteAsync(stream);
        Assert.Equal(generator.ToArray(), stream.ToArray());
        Assert.Equal(stream.Length, result.Bytes);
    }

    [Theory]
    [InlineData(1, false, false)]
    [InlineData(7, true, false)]
    [InlineData(1_000, false, true)]
    [InlineData(25_000, true, true)]
    public void The_file_passes_the_reader_with_no_fault(long lines, bool comments, bool test)
    {
        var generator = new Aw319Generator(new Aw319GeneratorOptions { Lines = lines, Seed = 3, Comments = comments, Test = test });
        var parsed = ParsedFile.Read(generator.ToArray(), StrictFor(generator));

        Assert.True(parsed.Result.IsVektis, parsed.Result.NotVektisReason);
        Assert.Empty(parsed.Result.FileFaults);
        Assert.Empty(parsed.RecordFaults);
        Assert.Equal(MessageKind.Aw319, parsed.Result.Kind);
        Assert.Equal(lines, parsed.Lines.Count);
        Assert.Equal(generator.FileClients, parsed.Clients.Count);
        Assert.Equal(test ? 'T' : 'P', parsed.Voorloop[9]);
    }

    [Fact]
    public void The_options_reach_the_voorlooprecord_and_every_line()
    {
        var options = new Aw319GeneratorOptions { Lines = 300, Month = new DateOnly(2024, 2, 10), Agb = 73_123_456, Uzovi = 5_512 };
        var generator = new Aw319Generator(options);
        var parsed = ParsedFile.Read(generator.ToArray(), StrictFor(generator));

        Assert.Empty(parsed.Result.FileFaults);
        Assert.Equal("73123456", parsed.Voorloop[54..62]);
        Assert.Equal("5512", parsed.Voorloop[26..30]);
        Assert.Equal("20240201", parsed.Voorloop[64..72]);
        Assert.Equal("20240229", parsed.Voorloop[72..80]);
        Assert.Equal(new DateOnly(2024, 3, 5), generator.InvoiceDate);
        Assert.Equal(new DateOnly(2024, 3, 5), generator.EarliestReceivedDate);
        Assert.All(parsed.Lines, line => Assert.True(line.End <= generator.EarliestReceivedDate));
        Assert.All(parsed.Lines, line =>
        {
            Assert.InRange(line.Begin, new DateOnly(2024, 2, 1), line.End);
            Assert.InRange(line.End, line.Begin, new DateOnly(2024, 2, 29));
        });
    }

    [Fact]
    public void Every_bsn_is_synthetic_and_passes_the_elfproef_and_clients_are_distinct()
    {
        var parsed = ParsedFile.Read(Generate(s_small));
        Assert.All(parsed.Clients, c =>
        {
            Assert.StartsWith("9", c.Bsn, StringComparison.Ordinal);
            Assert.True(WlzMessaging.Reference.Elfproef.IsValidBsn(long.Parse(c.Bsn, System.Globalization.CultureInfo.InvariantCulture)), c.Bsn);
        });
        Assert.All(parsed.Lines, l => Assert.Equal(parsed.Clients[l.Client].Bsn, l.Bsn));
        Assert.Equal(parsed.Clients.Count, parsed.Clients.Select(c => c.Bsn).Distinct().Count());
    }

    [Fact]
    public void Detail_ids_run_from_one_and_comments_repeat_their_record()
    {
        var parsed = ParsedFile.Read(Generate(s_small));
        var ids = parsed.Clients.Select(c => c.Id).Concat(parsed.Lines.Select(l => l.Id)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i), ids);
        Assert.NotEmpty(parsed.Comments);
        Assert.All(parsed.Comments, c => Assert.Contains(c.Id, ids));
    }

    [Fact]
    public void Each_client_has_one_to_six_lines()
    {
        var parsed = ParsedFile.Read(Generate(s_small));
        var perClient = parsed.Lines.GroupBy(l => l.Client).Select(g => g.Count()).ToList();
        Assert.Equal(parsed.Clients.Count, perClient.Count);
        Assert.All(perClient, n => Assert.InRange(n, 1, 6));
        Assert.Contains(perClient, n => n >= 4);
    }

    [Fact]
    public void The_file_mixes_day_prestaties_care_in_minutes_exempt_costs_meerzorg_and_credits()
    {
        var parsed = ParsedFile.Read(Generate(s_small));
        var codes = parsed.Lines.Select(l => l.Prestatiecode).ToHashSet();
        Assert.Contains(codes, c => c.StartsWith('Z') && c != "ZMZ01");
        Assert.Contains(codes, c => c.StartsWith('V'));
        Assert.Contains("H126", codes);
        Assert.Contains("M001", codes);
        Assert.Contains("M002", codes);
        Assert.Contains("ZMZ01", codes);
        Assert.Contains(parsed.Lines, l => l.IsCredit);

        foreach (var line in parsed.Lines)
        {
            Assert.Equal(line.Aantal * line.Tarief, line.Berekend);
            Assert.Equal(line.Berekend, line.Bedrag);
            Assert.Equal(line.Dc1, line.Dc2);
            var unit = line.Prestatiecode switch
            {
                "M001" or "M002" or "I001" or "I002" => 81,
                "H126" or "H300" => 1,
                "F125" => 4,
                _ => 14,
            };
            Assert.Equal(unit, line.Tijdseenheid);
            if (unit == 14)
            {
                // A day prestatie: the volume is the days of its period (tariff per etmaal).
                Assert.Equal(line.End.DayNumber - line.Begin.DayNumber + 1, line.Aantal);
            }

            if (unit == 81)
            {
                Assert.Equal(1, line.Aantal);
                Assert.Equal(line.Begin, line.End);
            }
        }
    }

    [Fact]
    public void Credit_lines_reverse_part_of_an_earlier_debit_of_the_same_client()
    {
        var parsed = ParsedFile.Read(Generate(s_small with { Lines = 20_000 }));
        var byReference = new Dictionary<string, (int Index, ParsedFile.Line Line)>();
        var credited = new HashSet<string>();
        var credits = 0;
        for (var i = 0; i < parsed.Lines.Count; i++)
        {
            var line = parsed.Lines[i];
            Assert.True(byReference.TryAdd(line.Referentie, (i, line)), $"0431 {line.Referentie} repeats");
            if (!line.IsCredit)
            {
                Assert.Equal("", line.Voorgaand);
                continue;
            }

            credits++;
            Assert.True(byReference.TryGetValue(line.Voorgaand, out var debit), $"credit {line.Referentie} names no earlier line");
            Assert.True(debit.Index < i);
            Assert.False(debit.Line.IsCredit);
            Assert.True(credited.Add(line.Voorgaand), "a debit credited twice");
            Assert.Equal(debit.Line.Client, line.Client);
            Assert.Equal(debit.Line.Prestatiecode, line.Prestatiecode);
            Assert.Equal(debit.Line.Tarief, line.Tarief);
            Assert.InRange(line.Aantal, 1, debit.Line.Aantal - 1);
            Assert.True(line.Begin >= debit.Line.Begin && line.End <= debit.Line.End);
        }

        Assert.InRange(credits, parsed.Lines.Count / 100, parsed.Lines.Count / 10);
    }

    [Fact]
    public void The_sluitrecord_counts_the_records_and_nets_the_amounts()
    {
        var generator = new Aw319Generator(s_small);
        var bytes = generator.ToArray();
        var parsed = ParsedFile.Read(bytes);
        var net = parsed.Lines.Sum(l => l.Signed);
        var sluit = parsed.Sluit;

        Assert.Equal(parsed.Clients.Count, int.Parse(sluit[2..8], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("000000", sluit[8..14]);
        Assert.Equal(parsed.Lines.Count, int.Parse(sluit[14..20], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(parsed.Comments.Count, int.Parse(sluit[20..26], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(parsed.Clients.Count + parsed.Lines.Count + parsed.Comments.Count, int.Parse(sluit[26..33], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Math.Abs(net), long.Parse(sluit[33..44], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(net >= 0 ? 'D' : 'C', sluit[44]);
        Assert.Equal(generator.ExpectedNetTotalCents, net);
        Assert.Equal(bytes.Length, (parsed.Clients.Count + parsed.Lines.Count + parsed.Comments.Count + 2) * 312);
    }

    [Fact]
    public async Task A_file_too_large_for_a_month_declares_fewer_days_so_its_total_fits()
    {
        var generator = new Aw319Generator(new Aw319GeneratorOptions { Lines = 300_000, Seed = 5 });
        Assert.True(generator.PeriodEnd < new DateOnly(2025, 1, 31));
        Assert.InRange(generator.ExpectedNetTotalCents, 1, Aw319Generator.MaxNetTotalCents);
        var path = Path.GetTempFileName();
        try
        {
            var written = await generator.WriteFileAsync(path);
            var counter = new FaultCounter();
            var result = await VektisReader.ReadFileAsync(path, counter, StrictFor(generator));
            Assert.Empty(result.FileFaults);
            Assert.Equal(0, counter.RecordsWithFaults);
            Assert.Equal(300_000, result.AantalPrestatierecords);
            Assert.Equal(generator.ExpectedNetTotalCents, result.NetDeclaratiebedrag);
            Assert.Equal(written.Bytes, new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_period_whose_lines_add_up_past_9907_with_the_sign_ignored_is_refused()
    {
        // Seed 1's 999,999 lines over 7 days of the default month add up past 9907's limit with the sign ignored.
        Assert.Throws<ArgumentException>(() => new Aw319Generator(new Aw319GeneratorOptions { Lines = Aw319GeneratorOptions.MaxLines, PeriodDays = 7 }));
    }

    private sealed class FaultCounter : IVektisRecordHandler
    {
        public int RecordsWithFaults { get; private set; }

        public void OnRecord(in VektisRecord record)
        {
            if (!record.Faults.IsEmpty)
            {
                RecordsWithFaults++;
            }
        }
    }

    [Fact]
    public void Writing_allocates_nothing_per_line()
    {
        var generator = new Aw319Generator(s_small with { Lines = 50_000 });
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(60_000_000);
        generator.Write(buffer);
        buffer.ResetWrittenCount();

        var before = GC.GetAllocatedBytesForCurrentThread();
        generator.Write(buffer);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // One pass object and its line buffer; 50,000 lines at even one byte each would be far more.
        Assert.InRange(allocated, 0, 4_096);
    }

    [Fact]
    public void Impossible_options_are_refused_before_anything_is_written()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Aw319Generator(new Aw319GeneratorOptions { Lines = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Aw319Generator(new Aw319GeneratorOptions { Lines = 1_000_000 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Aw319Generator(new Aw319GeneratorOptions { Providers = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Aw319Generator(new Aw319GeneratorOptions { PeriodDays = 32 }));
        Assert.Throws<ArgumentException>(() => new Aw319Generator(new Aw319GeneratorOptions { Lines = 500_000, PeriodDays = 31 }));
    }

    [Fact]
    public void A_resent_file_has_every_line_of_the_first_sending_under_a_new_reference_and_invoice_number()
    {
        var first = ParsedFile.Read(Generate(s_small));
        var resent = ParsedFile.Read(Generate(s_small with { Resend = 1 }));

        Assert.Equal(first.Lines.Count, resent.Lines.Count);
        Assert.Equal(
            first.Lines.Select(l => l with { Referentie = "", Voorgaand = "" }),
            resent.Lines.Select(l => l with { Referentie = "", Voorgaand = "" }));
        Assert.Empty(first.Lines.Select(l => l.Referentie).Intersect(resent.Lines.Select(l => l.Referentie)));
        Assert.Equal(first.Lines.Count, resent.Lines.Select(l => l.Referentie).Distinct().Count());

        // 0116 FACTUURNUMMER DECLARANT differs: the resent file is not refused as a repeat (0030).
        var invoice = Aw319Layout.Voorloop.Factuurnummer;
        Assert.NotEqual(first.Voorloop.Substring(invoice.Offset, invoice.Length), resent.Voorloop.Substring(invoice.Offset, invoice.Length));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Aw319Generator(s_small with { Resend = 10 }));
    }
}
