using System.IO.Pipelines;
using WlzMessaging.Vektis;

namespace WlzMessaging.Host.Processing;

/// <summary>
/// The AW320 of a file that is sound in itself but repeats an invoice number this provider had processed before (F02):
/// rejected as a whole, as the codec answers any rejected file: its 01 with 0001 0030 and its 99 with the sender's counts,
/// the net total declared and nothing granted.
/// </summary>
/// <remarks>
/// The codec's <see cref="Aw320Responder"/> answers the faults its reader found; whether an invoice number was used before
/// is known only to the store, and the reader's fault list is closed to other assemblies, so this answer is laid out here
/// with the codec's own <see cref="Aw320Writer"/>, byte for byte as the responder lays out a rejected file.
/// </remarks>
internal static class RepeatedInvoiceAnswer
{
    public static RetourcodeSet Codes
    {
        get
        {
            var codes = new RetourcodeSet(Retourcodes.BerichtAfgekeurd);
            codes.Add(Retourcodes.FactuurnummerNietUniek);
            return codes;
        }
    }

    /// <summary>Writes the answer for a file whose first pass found no fault (so it has a sound 01 and 99).</summary>
    public static async Task<Aw320Summary> WriteAsync(VektisReadResult structure, Stream output, Aw320Header header, CancellationToken cancellationToken)
    {
        if (structure.IsRejected || structure.Voorloop is null || structure.Sluit is null)
        {
            throw new InvalidOperationException("only a file without faults of its own is rejected for its invoice number alone");
        }

        var pipe = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        try
        {
            var writer = new Aw320Writer(pipe);
            writer.WriteVoorloop(structure.Voorloop, header.ReferentienummerZorgverzekeraar, header.DagtekeningRetourbericht, Codes);
            writer.WriteSluit(structure.Sluit, structure.NetDeclaratiebedrag, 0);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await pipe.CompleteAsync().ConfigureAwait(false);
        }

        return new Aw320Summary(Rejected: true, Lines: 0, Approved: 0, structure.NetDeclaratiebedrag, 0);
    }
}
