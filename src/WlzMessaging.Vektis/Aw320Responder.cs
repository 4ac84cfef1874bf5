using System.IO.Pipelines;

namespace WlzMessaging.Vektis;

/// <summary>
/// Answers an AW319 file with its AW320 in two passes over the file: the first reads the structure (a file-level fault
/// can sit in the last record), the second echoes every record with the answer <see cref="IRecordAnswers"/> gives it.
/// A file rejected as a whole gets only its 01 and 99, with 0001 and the specific codes.
/// </summary>
public static class Aw320Responder
{
    /// <summary>
    /// Writes the AW320 for an AW319 whose first pass is <paramref name="structure"/> to a seekable stream. The 01's
    /// codes depend on every line, so it is written first with its slots open and patched in place at the end: the
    /// answer streams through in constant memory however long the file.
    /// </summary>
    public static async ValueTask<Aw320Summary> WriteAsync(
        Func<Stream> openInput,
        VektisReadResult structure,
        IRecordAnswers answers,
        Stream output,
        Aw320Header header,
        VektisReaderOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (!structure.IsVektis || structure.Voorloop is null)
        {
            throw new InvalidOperationException("A file that is not a Vektis message has no AW320: " + structure.NotVektisReason);
        }

        var start = output.Position;
        var pipe = PipeWriter.Create(output, new StreamPipeWriterOptions(minimumBufferSize: 64 * 1024, leaveOpen: true));
        var writer = new Aw320Writer(pipe);
        try
        {
            if (structure.IsRejected)
            {
                var ingediend = WriteRejected(writer, structure, header);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                return new Aw320Summary(Rejected: true, Lines: 0, Approved: 0, ingediend, 0);
            }

            writer.WriteVoorloop(structure.Voorloop, header.ReferentienummerZorgverzekeraar, header.DagtekeningRetourbericht, default);
            var echo = new EchoHandler(writer, answers);
            var input = openInput();
            await using (input.ConfigureAwait(false))
            {
                await VektisReader.ReadAsync(input, echo, options, cancellationToken).ConfigureAwait(false);
            }

            writer.WriteSluit(structure.Sluit!, structure.NetDeclaratiebedrag, echo.NetToegekend);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);

            var voorloopCodes = echo.Approved == echo.Lines ? new RetourcodeSet(Retourcodes.VolledigToegewezen)
                : echo.Approved == 0 ? new RetourcodeSet(Retourcodes.AlleRegelsAfgewezen)
                : new RetourcodeSet(Retourcodes.GeenOpmerking);
            var slots = new byte[12];
            voorloopCodes.Format(slots);
            var end = output.Position;
            output.Position = start + Aw320Layout.Voorloop.Retourcode01.Offset;
            await output.WriteAsync(slots, cancellationToken).ConfigureAwait(false);
            output.Position = end;
            return new Aw320Summary(Rejected: false, echo.Lines, echo.Approved, structure.NetDeclaratiebedrag, echo.NetToegekend);
        }
        finally
        {
            await pipe.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The 01 with 0001 and the reasons, and a 99 that repeats the sender's; returns the 9907 written (signed).</summary>
    private static long WriteRejected(Aw320Writer writer, VektisReadResult structure, Aw320Header header)
    {
        var codes = new RetourcodeSet(Retourcodes.BerichtAfgekeurd);
        foreach (var code in structure.DistinctFileFaultCodes())
        {
            codes.Add(code);
        }

        writer.WriteVoorloop(structure.Voorloop, header.ReferentienummerZorgverzekeraar, header.DagtekeningRetourbericht, codes);

        // No (readable) sluitrecord: answer with one that states what the file held.
        var sluit = structure.Sluit ?? SluitFor(structure);
        var ingediend = IngediendOfRejected(structure);
        writer.WriteSluit(sluit, ingediend, 0);
        return ingediend;
    }

    /// <summary>
    /// 9907/9908 of a rejected file. Its 99 repeats the sender's figures, the counts and the total alike: the lines of a
    /// rejected file may be unreadable (a record cut short) or add up past 11 positions, so a total of our own could be
    /// wrong or not fit. Only when the sender gave no usable total does the answer state the net the reader found, or
    /// zero when that does not fit either.
    /// </summary>
    private static long IngediendOfRejected(VektisReadResult structure)
    {
        if (structure.Sluit is { } sluit)
        {
            var sent = new SluitRecord(new VektisRecord(sluit, RecordType.Sluit, 0, default, hasValidLength: true));
            if (sent.TotaalDeclaratiebedrag >= 0 && DebetCredit.IsValid(sent.IndicatieDebetCredit))
            {
                return sent.TotaalDeclaratiebedragSigned;
            }
        }

        var net = structure.NetDeclaratiebedrag;
        return Math.Abs(net) <= Aw320Writer.MaxTotalAmount ? net : 0;
    }

    private static byte[] SluitFor(VektisReadResult structure)
    {
        var sluit = new byte[Aw319Layout.RecordLength];
        sluit.AsSpan().Fill((byte)' ');
        "99"u8.CopyTo(sluit);
        Numeric.TryFormat(structure.AantalVerzekerdenrecords, sluit.AsSpan(Aw319Layout.Sluit.AantalVerzekerdenrecords.Offset, 6));
        Numeric.TryFormat(structure.AantalDebiteurrecords, sluit.AsSpan(Aw319Layout.Sluit.AantalDebiteurrecords.Offset, 6));
        Numeric.TryFormat(structure.AantalPrestatierecords, sluit.AsSpan(Aw319Layout.Sluit.AantalPrestatierecords.Offset, 6));
        Numeric.TryFormat(structure.AantalCommentaarrecords, sluit.AsSpan(Aw319Layout.Sluit.AantalCommentaarrecords.Offset, 6));
        Numeric.TryFormat(structure.TotaalAantalDetailrecords, sluit.AsSpan(Aw319Layout.Sluit.TotaalAantalDetailrecords.Offset, 7));
        return sluit;
    }
}
