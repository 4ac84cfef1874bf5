namespace WlzMessaging.Funding;

/// <summary>Protocol files that cannot be used; <see cref="Exception.Message"/> lists every error, one a line.</summary>
public sealed class ProtocolFileException : Exception
{
    public ProtocolFileException(IReadOnlyList<ProtocolError> errors)
        : base(string.Join(Environment.NewLine, errors)) =>
        Errors = errors;

    public ProtocolFileException()
        : this([])
    {
    }

    public ProtocolFileException(string message)
        : base(message)
    {
    }

    public ProtocolFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IReadOnlyList<ProtocolError> Errors { get; } = [];
}
