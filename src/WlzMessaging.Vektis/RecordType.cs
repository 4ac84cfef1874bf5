namespace WlzMessaging.Vektis;

/// <summary>KENMERK RECORD (positions 1-2): the kind of record.</summary>
public enum RecordType : byte
{
    /// <summary>The first two bytes are not a known record type.</summary>
    Unknown = 0,

    /// <summary>01 VOORLOOPRECORD: sender, receiver, period, invoice.</summary>
    Voorloop = 1,

    /// <summary>02 VERZEKERDENRECORD: the client.</summary>
    Verzekerde = 2,

    /// <summary>03 DEBITEURRECORD: not allowed towards a zorgkantoor (8075).</summary>
    Debiteur = 3,

    /// <summary>04 PRESTATIERECORD: one declaration line.</summary>
    Prestatie = 4,

    /// <summary>98 COMMENTAARRECORD: free text on the record before it.</summary>
    Commentaar = 98,

    /// <summary>99 SLUITRECORD: counts and totals.</summary>
    Sluit = 99,
}
