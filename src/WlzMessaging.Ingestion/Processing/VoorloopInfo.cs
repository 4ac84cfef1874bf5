using System.Text;
using WlzMessaging.Vektis;

namespace WlzMessaging.Ingestion.Processing;

/// <summary>What the pipeline reads from a file's voorlooprecord: addressee, provider, invoice, production or test.</summary>
/// <param name="Uzovi">0108; null when not digits.</param>
/// <param name="ProviderAgb">0112 INSTELLINGSCODE; null when not digits.</param>
/// <param name="Factuurnummer">0116 without its padding; null when blank.</param>
/// <param name="SoortBericht">0105 when it is P or T; null otherwise.</param>
/// <param name="PeriodEnd">0115 EINDDATUM DECLARATIEPERIODE; null when not a date (the lateness report's base).</param>
public sealed record VoorloopInfo(int? Uzovi, int? ProviderAgb, string? Factuurnummer, char? SoortBericht, DateOnly? PeriodEnd = null)
{
    public static VoorloopInfo None { get; } = new(null, null, null, null);

    public bool IsProduction => SoortBericht == 'P';

    /// <summary>Reads a copy of the 01 (<see cref="VektisReadResult.Voorloop"/>); <see cref="None"/> when there is none.</summary>
    public static VoorloopInfo From(byte[]? voorloop)
    {
        if (voorloop is null || voorloop.Length < Aw319Layout.RecordLength)
        {
            return None;
        }

        var view = new VoorloopRecord(new VektisRecord(voorloop, RecordType.Voorloop, 1, default, hasValidLength: true));
        var factuur = view.Factuurnummer.TrimEnd((byte)' ');
        return new VoorloopInfo(
            view.UzoviNummer >= 0 ? view.UzoviNummer : null,
            view.Instellingscode >= 0 ? view.Instellingscode : null,
            factuur.IsEmpty ? null : Encoding.Latin1.GetString(factuur).Replace('\0', '\uFFFD'),
            view.SoortBericht is (byte)'P' or (byte)'T' ? (char)view.SoortBericht : null,
            view.EinddatumDeclaratieperiode);
    }
}
