namespace WlzMessaging.Vektis.Tests.Support;

/// <summary>Looks at nothing: for a first pass that only wants the read result.</summary>
internal sealed class NoHandler : IVektisRecordHandler
{
    public void OnRecord(in VektisRecord record)
    {
    }
}
