namespace WlzMessaging.Vektis;

/// <summary>Which of the two messages a file holds, from 0102 CODE EXTERNE-INTEGRATIEBERICHT of its voorlooprecord.</summary>
public enum MessageKind : byte
{
    Unknown = 0,

    /// <summary>AW319 (code 187): the provider's declaration, 310 positions a record.</summary>
    Aw319 = 1,

    /// <summary>AW320 (code 188): the zorgkantoor's answer, 370 positions a record.</summary>
    Aw320 = 2,
}
