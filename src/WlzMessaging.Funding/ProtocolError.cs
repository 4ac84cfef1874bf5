namespace WlzMessaging.Funding;

/// <summary>One thing wrong in a protocol file: the file, the JSON path of the value (<c>$.werkvoorschot.factor</c>) and why.</summary>
public sealed record ProtocolError(string File, string Path, string Reason)
{
    public override string ToString() => $"{File}: {Path}: {Reason}";
}
