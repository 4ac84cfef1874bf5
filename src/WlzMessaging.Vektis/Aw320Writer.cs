using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using A = WlzMessaging.Vektis.Aw320Layout;

namespace WlzMessaging.Vektis;

/// <summary>
/// Writes an AW320 to a <see cref="PipeWriter"/>: every AW319 record echoed in positions 1-310, the answer in 311-370,
/// CR LF after each. Straight into the pipe's memory (GetSpan/Advance), no string per record. Which codes a record gets
/// is the caller's decision; this class only lays them out.
/// </summary>
public sealed class Aw320Writer
{
    private const int LineLength = A.RecordLength + 2;

    private readonly PipeWriter _output;
    private long _unflushed;

    public Aw320Writer(PipeWriter output) => _output = output;

    /// <summary>The largest amount a 0481/0483 field holds (8 positions).</summary>
    public const long MaxLineAmount = 99_999_999;

    /// <summary>The largest total a 9907/9909 field holds (11 positions). The reader rejects a file whose lines add up to
    /// more (0150), so the totals of an answer to an accepted file always fit.</summary>
    public const long MaxTotalAmount = 99_999_999_999;

    /// <summary>Bytes written since the last flush.</summary>
    public long UnflushedBytes => _unflushed;

    /// <summary>01: the echo with 0102 = 188, our reference, the date of this answer and its codes.</summary>
    public void WriteVoorloop(ReadOnlySpan<byte> voorloop, ReadOnlySpan<byte> referentienummerZorgverzekeraar, DateOnly dagtekeningRetourbericht, RetourcodeSet retourcodes)
    {
        var line = Begin(voorloop);
        Numeric.TryFormat(A.MessageCode, Writable(line, Aw319Layout.Voorloop.CodeBericht));
        WriteText(line, A.Voorloop.ReferentienummerZorgverzekeraar, referentienummerZorgverzekeraar);
        VektisDate.Format(dagtekeningRetourbericht, Writable(line, A.Voorloop.DagtekeningRetourbericht));
        retourcodes.Format(line.Slice(A.Voorloop.Retourcode01.Offset, 12));
        End();
    }

    /// <summary>02 or 98: the echo and up to three codes.</summary>
    public void WriteVerzekerde(ReadOnlySpan<byte> record, RetourcodeSet retourcodes)
    {
        var line = Begin(record);
        retourcodes.Format(line.Slice(A.Verzekerde.Retourcode01.Offset, 12));
        End();
    }

    public void WriteCommentaar(ReadOnlySpan<byte> record, RetourcodeSet retourcodes)
    {
        var line = Begin(record);
        retourcodes.Format(line.Slice(A.Commentaar.Retourcode01.Offset, 12));
        End();
    }

    /// <summary>04: the echo, the amount the zorgkantoor computes, the amount it grants (both signed cents) and the codes.</summary>
    public void WritePrestatie(ReadOnlySpan<byte> record, long berekendBedragSigned, long toegekendBedragSigned, RetourcodeSet retourcodes)
    {
        var line = Begin(record);
        WriteAmount(line, A.Prestatie.BerekendBedragZorgverzekeraar, A.Prestatie.IndicatieDebetCredit03, berekendBedragSigned);
        WriteAmount(line, A.Prestatie.ToegekendBedrag, A.Prestatie.IndicatieDebetCredit04, toegekendBedragSigned);
        retourcodes.Format(line.Slice(A.Prestatie.Retourcode01.Offset, 12));
        End();
    }

    /// <summary>99: the counts as sent (1-33), then the net totals ingediend and toegekend with their D/C.</summary>
    public void WriteSluit(ReadOnlySpan<byte> sluit, long totaalIngediendSigned, long totaalToegekendSigned)
    {
        var line = Begin(sluit[..Math.Min(sluit.Length, A.Sluit.TotaalIngediend.Offset)]);
        WriteAmount(line, A.Sluit.TotaalIngediend, A.Sluit.IndicatieDebetCredit01, totaalIngediendSigned);
        WriteAmount(line, A.Sluit.TotaalToegekend, A.Sluit.IndicatieDebetCredit02, totaalToegekendSigned);
        End();
    }

    /// <summary>Writes what the pipe holds to its destination; call it between batches to keep memory flat.</summary>
    // Pooled for the same reason as EchoHandler.AfterBatchAsync: it goes asynchronous on every flush to a file.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        _unflushed = 0;
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a 370-position line: the echo (at most 310 positions), spaces after it.</summary>
    private Span<byte> Begin(ReadOnlySpan<byte> echo)
    {
        var span = _output.GetSpan(LineLength)[..LineLength];
        var copied = Math.Min(echo.Length, Aw319Layout.RecordLength);
        echo[..copied].CopyTo(span);
        span[copied..A.RecordLength].Fill((byte)' ');
        span[A.RecordLength] = (byte)'\r';
        span[A.RecordLength + 1] = (byte)'\n';
        return span;
    }

    private void End()
    {
        _output.Advance(LineLength);
        _unflushed += LineLength;
    }

    private static Span<byte> Writable(Span<byte> line, in FieldSpec field) => line.Slice(field.Offset, field.Length);

    private static void WriteAmount(Span<byte> line, in FieldSpec amount, in FieldSpec indicator, long signed)
    {
        var magnitude = signed < 0 ? -signed : signed;
        if (!Numeric.TryFormat(magnitude, Writable(line, amount)))
        {
            // Callers keep amounts within the field (see MaxLineAmount); nines would be a lie, so a bug here fails loudly.
            throw new ArgumentOutOfRangeException(nameof(signed), $"{amount.Code} cannot hold {signed} cents");
        }

        line[indicator.Offset] = DebetCredit.Of(signed);
    }

    private static void WriteText(Span<byte> line, in FieldSpec field, ReadOnlySpan<byte> text)
    {
        var target = Writable(line, field);
        target.Fill((byte)' ');
        text[..Math.Min(text.Length, target.Length)].CopyTo(target);
    }
}
