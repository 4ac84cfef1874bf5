using static WlzMessaging.Reference.Tests.SampleData;

namespace WlzMessaging.Reference.Tests.Lookups;

/// <summary>
/// The adjudicator looks up every declaration line; a lookup that allocates would put the garbage collector on the hot
/// path of millions of lines. This counts the bytes this thread allocates across many lookups of every kind.
/// </summary>
public class ZeroAllocationTests
{
    [Fact]
    public void Lookups_of_every_kind_allocate_nothing()
    {
        var snapshot = Snapshot;
        var checksum = LookUpEverything(snapshot); // first calls: JIT, static initialisation

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            checksum += LookUpEverything(snapshot);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(10_001 * LookUpEverything(snapshot), checksum); // the lookups found what they should, every time
    }

    private static long LookUpEverything(ReferenceSnapshot snapshot)
    {
        long sum = 0;
        var begin = new DateOnly(2025, 7, 1);
        var end = new DateOnly(2025, 7, 31);
        var z015 = PrestatieCode.FromAscii("Z015 "u8);

        if (snapshot.TryGetProvider(DeLinde, out var provider))
        {
            sum += provider.Agb;
        }

        if (snapshot.TryGetKoppeling(z015, begin, end, out var entry) && entry.Allows(0, 1))
        {
            sum += 1;
        }

        sum += (long)snapshot.CheckMaz(OpenMaz, DeLinde, begin, end);
        sum += (long)snapshot.CheckMaz(TwoPeriods, HetBaken, begin, end);
        if (snapshot.TryGetMeerzorg(OpenMaz, DeLinde, begin, end, out var beschikking))
        {
            sum += beschikking.TariefCent;
        }

        if (snapshot.FindTarief(DeLinde, 2025, z015, begin, out var tarief) == TariefStatus.InForce)
        {
            sum += tarief.TariefCent;
        }

        sum += (long)snapshot.FindTarief(DeLinde, 2025, PrestatieCode.FromAscii("H126 "u8), begin, out _);
        sum += snapshot.GetTariefVersions(DeLinde, 2025, z015).Length;
        if (snapshot.TryGetJaarafspraak(DeLinde, 2025, begin, out var afspraak))
        {
            sum += afspraak.JaarafspraakCent;
        }

        sum += snapshot.GetMndp(HetBaken).Length + snapshot.GetInvorderingen(HetBaken).Length;
        return sum;
    }
}
