namespace WlzMessaging.Storage.Funding;

/// <summary>
/// The advance store refused what was asked, and changed nothing: a run before an approved one, a change to an approved
/// run, an adjustment of an item the run does not have. The message is one line an operator can act on.
/// </summary>
public sealed class FundingRefusedException : Exception
{
    public FundingRefusedException()
    {
    }

    public FundingRefusedException(string message)
        : base(message)
    {
    }

    public FundingRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
