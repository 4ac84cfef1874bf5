namespace WlzMessaging.Vektis;

/// <summary>
/// A fault that rejects the whole file ("technisch afgekeurd"): its retourcode, the record where it was found (0 when it
/// concerns the file as a whole) and a short explanation for operators. Never holds personal data.
/// </summary>
public readonly record struct FileFault(Retourcode Code, long RecordNumber, string Message)
{
    public override string ToString() =>
        RecordNumber > 0 ? $"{Code} record {RecordNumber}: {Message}" : $"{Code}: {Message}";
}
