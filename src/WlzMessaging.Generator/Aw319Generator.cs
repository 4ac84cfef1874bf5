using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using WlzMessaging.Vektis;
using C = WlzMessaging.Vektis.Aw319Layout.Commentaar;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;
using S = WlzMessaging.Vektis.Aw319Layout.Sluit;
using V = WlzMessaging.Vektis.Aw319Layout.Voorloop;
using Z = WlzMessaging.Vektis.Aw319Layout.Verzekerde;

namespace WlzMessaging.Generator;

/// <summary>
/// Writes a valid, realistic AW319 for one provider: clients with 1-6 lines each (ZZP and VPT day prestaties, MPT care in
/// minutes and hours, exempt one-off costs and meerzorg, partial credit lines that reference an earlier debit of the same
/// file), optionally 98 commentaarrecords, and a sluitrecord whose counts and net total are right. The same options give
/// the same bytes. Records are written straight into the output buffer from per-type templates: nothing is allocated
/// per record or per line. <see cref="WriteReferenceData"/> writes the reference data under which every line is approved.
/// </summary>
public sealed class Aw319Generator
{
    /// <summary>
    /// The largest total 9907 TOTAAL DECLARATIEBEDRAG holds (11 positions). Both the net total and the sum of 0429 with
    /// the sign ignored must fit: the reader rejects a file whose lines add up past it either way (0150), because an
    /// AW320 that grants the debits and refuses the credits could not write its total.
    /// </summary>
    public const long MaxNetTotalCents = 99_999_999_999;

    private const int LineLength = Aw319Layout.RecordLength + 2;
    private const int FlushThreshold = 256 * 1024;

    private static readonly byte[][] s_clientComments =
    [
        "Client verhuisd naar een andere afdeling binnen de locatie"u8.ToArray(),
        "Adreswijziging is doorgegeven aan het zorgkantoor"u8.ToArray(),
        "Herindicatie aangevraagd bij het CIZ"u8.ToArray(),
    ];

    private readonly int[] _tariffs;
    private readonly ClientPlanner _planner;
    private readonly byte[] _referencePrefix;
    private readonly byte[] _factuurnummer;
    private readonly byte[] _template02;
    private readonly byte[] _template04;

    public Aw319Generator(Aw319GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _tariffs = ProviderTariffs.For(options.Seed, 0);

        var first = options.FirstOfMonth;
        var monthDays = DateTime.DaysInMonth(first.Year, first.Month);
        int[] candidates = options.PeriodDays is { } fixedDays
            ? [fixedDays]
            : [monthDays, .. new[] { 21, 14, 10, 7, 5, 3, 2, 1 }.Where(d => d < monthDays)];
        FileScan? chosen = null;
        var limit = double.MaxValue;
        foreach (var days in candidates)
        {
            // The gross total grows about linearly with the days declared: skip periods a failed scan shows to be too long.
            if (days > limit)
            {
                continue;
            }

            var scan = Scan(new ClientPlanner(options.Seed, first, first.AddDays(days - 1), options.Comments));
            if (scan.Fits)
            {
                chosen = scan;
                break;
            }

            var projected = (double)scan.Gross * options.Lines / Math.Max(1, scan.Lines);
            limit = Math.Min(days - 1, days * MaxNetTotalCents / projected);
        }

        if (chosen is not { } found)
        {
            throw new ArgumentException(
                $"{options.Lines} lines do not fit one file: the lines would add up past the 11 positions of 9907 TOTAAL DECLARATIEBEDRAG; use fewer lines or a shorter period",
                nameof(options));
        }

        _planner = found.Planner;
        FileClients = found.Clients;
        ExpectedNetTotalCents = found.Net;
        ExpectedGrossTotalCents = found.Gross;
        if (FileClients > Bsn.MaxSynthetic)
        {
            throw new ArgumentException($"{options.Lines} lines need more than {Bsn.MaxSynthetic} clients", nameof(options));
        }

        InvoiceDate = options.InvoiceDate ?? PeriodEnd.AddDays(5);
        var month = first.Year * 100 + first.Month;
        Factuurnummer = options.Factuurnummer ?? string.Create(CultureInfo.InvariantCulture, $"{month:D6}{options.Seed % 1_000_000:D6}");
        _factuurnummer = Encoding.ASCII.GetBytes(Factuurnummer);

        // 0431: yyyyMM, four digits of the seed, the line's number in the file: unique per provider across months.
        _referencePrefix = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{month:D6}{options.Seed % 10_000:D4}"));
        _template02 = Template02();
        _template04 = Template04();
    }

    public Aw319GeneratorOptions Options { get; }

    /// <summary>0114: the first day of the month.</summary>
    public DateOnly PeriodStart => _planner.PeriodStart;

    /// <summary>0115: the last day of the month, or earlier for a very large file (see <see cref="Aw319GeneratorOptions.PeriodDays"/>).</summary>
    public DateOnly PeriodEnd => _planner.PeriodEnd;

    /// <summary>0117; a file received before this date is rejected (0025).</summary>
    public DateOnly InvoiceDate { get; }

    public string Factuurnummer { get; }

    /// <summary>
    /// The first date on which the file can be received with every line approved: not before its invoice date (0025) nor
    /// before the last day it declares (0415 may not lie after the date received). Lines of year Y must also be received
    /// before that year's cutoff (by default 25 March of Y+1, 8288): the engine's configuration, not the file's.
    /// </summary>
    public DateOnly EarliestReceivedDate => InvoiceDate > PeriodEnd ? InvoiceDate : PeriodEnd;

    /// <summary>How many clients (02 records) the file holds.</summary>
    public long FileClients { get; }

    /// <summary>The net total the 99 record will carry.</summary>
    public long ExpectedNetTotalCents { get; }

    /// <summary>The sum of 0429 DECLARATIEBEDRAG over all lines with the sign ignored; at most <see cref="MaxNetTotalCents"/>.</summary>
    public long ExpectedGrossTotalCents { get; }

    /// <summary>Writes the whole file to a buffer (e.g. an <see cref="ArrayBufferWriter{T}"/> for tests and benchmarks).</summary>
    public Aw319GenerationResult Write(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var run = new Run(this);
        run.WriteVoorloop(output);
        while (!run.Done)
        {
            run.WriteClient(output);
        }

        run.WriteSluit(output);
        return run.Result();
    }

    /// <summary>Writes the whole file to a pipe, flushing every 256 KiB; the caller completes the pipe.</summary>
    public async ValueTask<Aw319GenerationResult> WriteAsync(PipeWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var run = new Run(this);
        run.WriteVoorloop(output);
        var unflushed = 0L;
        while (!run.Done)
        {
            unflushed += run.WriteClient(output);
            if (unflushed >= FlushThreshold)
            {
                unflushed = 0;
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        run.WriteSluit(output);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return run.Result();
    }

    /// <summary>Writes the whole file to a stream (left open).</summary>
    public async ValueTask<Aw319GenerationResult> WriteAsync(Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var pipe = PipeWriter.Create(output, new StreamPipeWriterOptions(minimumBufferSize: 64 * 1024, leaveOpen: true));
        try
        {
            return await WriteAsync(pipe, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await pipe.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes the file to <paramref name="path"/>, replacing what is there.</summary>
    public async Task<Aw319GenerationResult> WriteFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            return await WriteAsync(file, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The whole file as bytes (for small files in tests).</summary>
    public byte[] ToArray()
    {
        var buffer = new ArrayBufferWriter<byte>(checked((int)Math.Min(int.MaxValue, (Options.Lines * 2 + 2) * LineLength)));
        Write(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes providers.csv, koppeltabel.csv, afspraken.csv, tarieven.csv, maz.csv and meerzorg.csv into
    /// <paramref name="directory"/> (created when missing): the reference data under which every line of the file is approved.
    /// </summary>
    public ReferenceDataSummary WriteReferenceData(string directory) => ReferenceDataWriter.Write(this, directory, published: false);

    /// <summary>
    /// As <see cref="WriteReferenceData(string)"/>, but with <paramref name="published"/> the koppeltabel as the sector
    /// publishes it (koppeltabel.xlsx) and the MAZ periods as the toewijzingen and zorgmeldingen that give them (iWlz AW33,
    /// AW35, AW39 in iwlz/), instead of koppeltabel.csv and maz.csv.
    /// </summary>
    public ReferenceDataSummary WriteReferenceData(string directory, bool published) => ReferenceDataWriter.Write(this, directory, published);

    internal ClientPlanner Planner => _planner;

    internal ReadOnlySpan<int> Tariffs => _tariffs;

    private readonly record struct FileScan(ClientPlanner Planner, long Clients, long Lines, long Net, long Gross, bool Fits);

    /// <summary>
    /// Plans the file without writing it: how many clients it needs and whether its totals fit 9907. The gross total
    /// (sign ignored) decides, as in the reader: a net that fits says nothing about a file with credit lines.
    /// </summary>
    private FileScan Scan(ClientPlanner planner)
    {
        var plan = default(ClientPlan);
        Span<PlannedLine> lines = stackalloc PlannedLine[ClientPlanner.MaxLines];
        long written = 0, clients = 0, net = 0, gross = 0;
        while (written < Options.Lines)
        {
            planner.Plan(clients, _tariffs, ref plan, lines);
            var take = (int)Math.Min(plan.LineCount, Options.Lines - written);
            for (var j = 0; j < take; j++)
            {
                net += lines[j].Signed;
                gross += lines[j].Amount;
            }

            written += take;
            clients++;
            if (gross > MaxNetTotalCents || clients > Bsn.MaxSynthetic)
            {
                return new FileScan(planner, clients, written, net, gross, Fits: false);
            }
        }

        return new FileScan(planner, clients, written, net, gross, Fits: true);
    }

    private byte[] Template02()
    {
        var t = Blank();
        "02"u8.CopyTo(t);
        Digits(t, Z.UzoviNummer, Options.Uzovi);
        t[Z.Naamcode01.Offset] = (byte)'1';
        t[Z.Naamcode02.Offset] = (byte)'0';
        t[Z.Naamcode03.Offset] = (byte)'1';
        Text(t, Z.CodeLand, "NL"u8);
        Digits(t, Z.CodeIndicatieorgaan, 0);
        Digits(t, Z.Huisnummer, 0);
        return t;
    }

    private byte[] Template04()
    {
        var t = Blank();
        "04"u8.CopyTo(t);
        Digits(t, P.UzoviNummer, Options.Uzovi);
        t[P.DoorsturenToegestaan.Offset] = (byte)'1';
        Digits(t, P.CodeIndicatieorgaan, 0);
        Digits(t, P.IndicatieAanvraagnummer, 0);
        Digits(t, P.Indicatiebesluitnummer, 0);
        Digits(t, P.Functiecode, 0);
        Digits(t, P.AanduidingPrestatiecodelijst, 55);
        Digits(t, P.ZorgverlenerscodeBehandelaar, Options.Agb);
        Digits(t, P.SpecialismeBehandelaar, 0);
        Digits(t, P.ZorgverlenerscodeVoorschrijver, 0);
        Digits(t, P.SpecialismeVoorschrijver, 0);
        Digits(t, P.Verrekenpercentage, 0);
        Digits(t, P.BtwPercentage, 0);
        return t;
    }

    private static readonly byte[] s_blank = Blank();

    /// <summary>310 spaces and CR LF.</summary>
    private static byte[] Blank()
    {
        var t = new byte[LineLength];
        t.AsSpan().Fill((byte)' ');
        t[^2] = (byte)'\r';
        t[^1] = (byte)'\n';
        return t;
    }

    private static void Digits(Span<byte> record, in FieldSpec field, long value) =>
        Numeric.TryFormat(value, record.Slice(field.Offset, field.Length));

    private static void Date(Span<byte> record, in FieldSpec field, DateOnly date) =>
        VektisDate.Format(date, record.Slice(field.Offset, field.Length));

    private static void Text(Span<byte> record, in FieldSpec field, ReadOnlySpan<byte> text)
    {
        var target = record.Slice(field.Offset, field.Length);
        var n = Math.Min(text.Length, target.Length);
        text[..n].CopyTo(target);
        target[n..].Fill((byte)' ');
    }

    /// <summary>The state of one pass over the file.</summary>
    private sealed class Run(Aw319Generator generator)
    {
        private readonly PlannedLine[] _lines = new PlannedLine[ClientPlanner.MaxLines];
        private readonly long _totalLines = generator.Options.Lines;
        private ClientPlan _plan;
        private long _client;
        private long _written;
        private long _detailId;
        private long _comments;
        private long _credits;
        private long _net;
        private long _records;

        public bool Done => _written >= _totalLines;

        public Aw319GenerationResult Result() => new(
            _written, _client, _comments, _credits, _records, _records * LineLength, _net, generator.Options.Agb,
            generator.PeriodStart, generator.PeriodEnd, generator.InvoiceDate, generator.Factuurnummer);

        public void WriteVoorloop(IBufferWriter<byte> output)
        {
            var options = generator.Options;
            var r = Begin(output, s_blank);
            "01"u8.CopyTo(r);
            Digits(r, V.CodeBericht, Aw319Layout.MessageCode);
            Digits(r, V.Versienummer, 1);
            Digits(r, V.Subversienummer, 4);
            r[V.SoortBericht.Offset] = options.Test ? (byte)'T' : (byte)'P';
            Digits(r, V.CodeSoftwareleverancier, 0);
            Digits(r, V.UzoviNummer, options.Uzovi);
            Digits(r, V.CodeServicebureau, 0);
            Digits(r, V.Zorgverlenerscode, 0);
            Digits(r, V.Praktijkcode, 0);
            Digits(r, V.Instellingscode, options.Agb);
            Digits(r, V.BetalingAan, 4);
            Date(r, V.BegindatumDeclaratieperiode, generator.PeriodStart);
            Date(r, V.EinddatumDeclaratieperiode, generator.PeriodEnd);
            Text(r, V.Factuurnummer, generator._factuurnummer);
            Date(r, V.DagtekeningFactuur, generator.InvoiceDate);
            Text(r, V.Valutacode, "EUR"u8);
            End(output);
        }

        /// <summary>Writes the next client: its 02, its lines and their 98s. Returns the bytes written.</summary>
        public int WriteClient(IBufferWriter<byte> output)
        {
            var lines = _lines.AsSpan();
            generator._planner.Plan(_client, generator._tariffs, ref _plan, lines);
            var take = (int)Math.Min(_plan.LineCount, _totalLines - _written);
            var before = _records;

            var clientId = ++_detailId;
            WriteVerzekerde(output, clientId);
            if (_plan.ClientComment)
            {
                WriteCommentaar(output, clientId, s_clientComments[_client % s_clientComments.Length]);
            }

            var firstLine = _written + 1;
            for (var j = 0; j < take; j++)
            {
                ref readonly var line = ref lines[j];
                var id = ++_detailId;
                var number = firstLine + j;
                WritePrestatie(output, id, line, number, line.Credit ? firstLine + line.Credits : 0);
                _net += line.Signed;
                if (line.Credit)
                {
                    _credits++;
                }

                if (line.Comment)
                {
                    WriteCreditComment(output, id, line, firstLine + line.Credits);
                }
            }

            _written += take;
            _client++;
            return (int)(_records - before) * LineLength;
        }

        public void WriteSluit(IBufferWriter<byte> output)
        {
            var r = Begin(output, s_blank);
            "99"u8.CopyTo(r);
            Digits(r, S.AantalVerzekerdenrecords, _client);
            Digits(r, S.AantalDebiteurrecords, 0);
            Digits(r, S.AantalPrestatierecords, _written);
            Digits(r, S.AantalCommentaarrecords, _comments);
            Digits(r, S.TotaalAantalDetailrecords, _client + _written + _comments);
            Digits(r, S.TotaalDeclaratiebedrag, Math.Abs(_net));
            r[S.IndicatieDebetCredit.Offset] = DebetCredit.Of(_net);
            End(output);
        }

        private void WriteVerzekerde(IBufferWriter<byte> output, long id)
        {
            ref readonly var c = ref _plan;
            var r = Begin(output, generator._template02);
            Digits(r, Z.IdentificatieDetailrecord, id);
            Digits(r, Z.Bsn, c.Bsn);
            var patient = r.Slice(Z.Patientnummer.Offset, Z.Patientnummer.Length);
            patient[0] = (byte)'P';
            Numeric.TryFormat(c.Index + 1, patient[1..]);
            Date(r, Z.DatumGeboorte, c.Birth);
            r[Z.CodeGeslacht.Offset] = (byte)('0' + c.Gender);
            Text(r, Z.Naam01, SyntheticNames.Surname(c.Surname));
            if (c.Prefix >= 0)
            {
                Text(r, Z.Voorvoegsel01, SyntheticNames.Prefix(c.Prefix));
            }

            var initials = r.Slice(Z.Voorletters.Offset, Z.Voorletters.Length);
            initials[0] = c.Initial1;
            initials[1] = c.Initial2;
            initials[2] = c.Initial3;
            var postcode = r.Slice(Z.Postcode.Offset, Z.Postcode.Length);
            Numeric.TryFormat(c.PostcodeNumber, postcode[..4]);
            postcode[4] = c.PostcodeLetter1;
            postcode[5] = c.PostcodeLetter2;
            Digits(r, Z.Huisnummer, c.Huisnummer);
            r[Z.IndicatieOverleden.Offset] = c.Deceased ? (byte)'1' : (byte)'2';
            End(output);
        }

        private void WritePrestatie(IBufferWriter<byte> output, long id, in PlannedLine line, long number, long credits)
        {
            var prestatie = PrestatieCatalog.All[line.Prestatie];
            var r = Begin(output, generator._template04);
            Digits(r, P.IdentificatieDetailrecord, id);
            Digits(r, P.Bsn, _plan.Bsn);
            Digits(r, P.Zorgzwaartepakketcode, prestatie.ZzpCode);
            Date(r, P.BegindatumPrestatie, line.Begin);
            Date(r, P.EinddatumPrestatie, line.End);
            prestatie.CodeBytes.CopyTo(r.Slice(P.Prestatiecode.Offset, P.Prestatiecode.Length));
            Digits(r, P.Aantal, line.Aantal);
            Digits(r, P.Tijdseenheid, prestatie.Tijdseenheid);
            Digits(r, P.Tarief, line.Tarief);
            var amount = line.Amount;
            var sign = line.Credit ? DebetCredit.Credit : DebetCredit.Debet;
            Digits(r, P.BerekendBedrag, amount);
            r[P.IndicatieDebetCredit01.Offset] = sign;
            Digits(r, P.Declaratiebedrag, amount);
            r[P.IndicatieDebetCredit02.Offset] = sign;
            Reference(r.Slice(P.Referentienummer.Offset, P.Referentienummer.Length), number);
            if (credits > 0)
            {
                Reference(r.Slice(P.ReferentienummerVoorgaand.Offset, P.ReferentienummerVoorgaand.Length), credits);
            }

            End(output);
        }

        private void WriteCreditComment(IBufferWriter<byte> output, long id, in PlannedLine line, long debit)
        {
            // "Correctie: 7 dagen Z055 van regel 20260100010000000001 vervallen", composed without formatting helpers
            // so that not even unoptimised code allocates.
            var prestatie = PrestatieCatalog.All[line.Prestatie];
            var unit = prestatie.Tijdseenheid switch
            {
                PrestatieCatalog.Etmaal => " dagen "u8,
                PrestatieCatalog.Minuut => " minuten "u8,
                _ => " uren "u8,
            };
            Span<byte> text = stackalloc byte[C.VrijeTekst.Length];
            var n = Append(text, 0, "Correctie: "u8);
            Utf8Formatter.TryFormat(line.Aantal, text[n..], out var digits);
            n += digits;
            n = Append(text, n, unit);
            n = Append(text, n, prestatie.CodeBytes.AsSpan().TrimEnd((byte)' '));
            n = Append(text, n, " van regel "u8);
            Reference(text.Slice(n, P.Referentienummer.Length), debit);
            n += P.Referentienummer.Length;
            n = Append(text, n, " vervallen"u8);
            WriteCommentaar(output, id, text[..n]);
        }

        private static int Append(Span<byte> text, int at, ReadOnlySpan<byte> part)
        {
            part.CopyTo(text[at..]);
            return at + part.Length;
        }

        private void WriteCommentaar(IBufferWriter<byte> output, long id, ReadOnlySpan<byte> text)
        {
            var r = Begin(output, s_blank);
            "98"u8.CopyTo(r);
            Digits(r, C.IdentificatieDetailrecord, id);
            Digits(r, C.Regelnummer, 1);
            Text(r, C.VrijeTekst, text);
            End(output);
            _comments++;
        }

        private void Reference(Span<byte> target, long number)
        {
            generator._referencePrefix.CopyTo(target);
            Numeric.TryFormat(number, target[generator._referencePrefix.Length..]);
        }

        private static Span<byte> Begin(IBufferWriter<byte> output, ReadOnlySpan<byte> template)
        {
            var span = output.GetSpan(LineLength)[..LineLength];
            template.CopyTo(span);
            return span;
        }

        private void End(IBufferWriter<byte> output)
        {
            output.Advance(LineLength);
            _records++;
        }
    }
}
