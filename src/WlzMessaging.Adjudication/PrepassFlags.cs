namespace WlzMessaging.Adjudication;

/// <summary>What the first pass found about one line that the line itself cannot show: one byte a line.</summary>
[Flags]
internal enum PrepassFlags : byte
{
    None = 0,

    /// <summary>An earlier line of the file carries the same 0431 (L06, 8192).</summary>
    RepeatedReferentienummer = 1,

    /// <summary>A debit line and a credit line of this file that cancel each other; set on both (L11, 8062).</summary>
    CancelsInFile = 2,

    /// <summary>A record of the wrong length: it carries no reference, so it takes no place among the distinct ones.</summary>
    Unreadable = 4,
}
