using WlzMessaging.Reference;

namespace WlzMessaging.Adjudication.Tests.Support;

/// <summary>A provider's history written the way storage fills it, in a line a fact.</summary>
internal sealed class History
{
    public DeclarationHistory Value { get; } = new();

    public History Received(string referentie)
    {
        Value.AddReceived(Referentienummer.FromText(referentie));
        return this;
    }

    /// <summary>An approved debit line of an earlier file: received, and findable by reference and by client.</summary>
    public History ApprovedDebit(
        string referentie, string bsn, string prestatiecode, DateOnly begin, DateOnly end, long amount, bool credited = false)
    {
        Received(referentie);
        Value.AddApprovedDebit(
            Referentienummer.FromText(referentie), Clients.Number(bsn), PrestatieCode.Parse(prestatiecode), begin, end, amount, credited);
        return this;
    }

    /// <summary>The January 2025 Z015 line of client A, approved in an earlier file.</summary>
    public History ApprovedJanuaryZ015(string referentie, bool credited = false) =>
        ApprovedDebit(referentie, Clients.A, "Z015", Aw319Builder.January1, Aw319Builder.January31, 31 * 14730, credited);
}
