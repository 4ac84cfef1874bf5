using WlzMessaging.Operations.Status;
using WlzMessaging.Storage.Workers;

namespace WlzMessaging.Host.Tests.Operations;

/// <summary>
/// <see cref="MailboxState"/> from the workers' rows: a worker with several files in hand (Worker:FilesAtOnce) shows each of
/// them, and the inbox's waiting files leave out every file another worker of that inbox has in hand. Pure: rows made here.
/// </summary>
public sealed class MailboxStateTests
{
    private static readonly DateTimeOffset Started = new(2026, 2, 16, 9, 0, 0, TimeSpan.Zero);

    private static WorkerStatus Row(string id, int waiting, string? file, IReadOnlyList<string>? alsoInHand, TimeSpan sinceSeen) =>
        new(id, "host-a", 4242, "/srv/inbox", Started, TimeSpan.FromSeconds(10), file is null ? WorkerState.Idle : WorkerState.Processing,
            waiting, file, file is null ? null : Started.AddMinutes(1), FilesAnswered: 3, FilesQuarantined: 1, Revision: 1, AlsoInHand: alsoInHand)
        {
            SeenAt = Started.AddMinutes(2),
            SinceSeen = sinceSeen,
        };

    [Fact]
    public void Every_file_a_worker_has_in_hand_is_shown_oldest_first()
    {
        var state = MailboxState.Of([Row("w1", waiting: 4, "p1.aw319", ["p2.aw319"], TimeSpan.FromSeconds(1))]);

        Assert.Equal(["p1.aw319", "p2.aw319"], state.InHand.Select(f => f.FileName));
        Assert.All(state.InHand, f => Assert.Equal("w1", f.WorkerId));
        Assert.NotNull(state.InHand[0].Since);
        Assert.Equal(4, state.Waiting);
    }

    [Fact]
    public void The_waiting_files_of_a_shared_inbox_leave_out_all_the_files_the_other_worker_has_in_hand()
    {
        // w1 counted last (seen most recently): 6 files in the inbox besides its own; w2 holds two of them.
        var state = MailboxState.Of(
        [
            Row("w1", waiting: 6, "a.aw319", null, TimeSpan.FromSeconds(1)),
            Row("w2", waiting: 7, "b.aw319", ["c.aw319"], TimeSpan.FromSeconds(5)),
        ]);

        Assert.Equal(4, state.Waiting);
        Assert.Equal(["a.aw319", "b.aw319", "c.aw319"], state.InHand.Select(f => f.FileName).Order());
        Assert.Equal((6L, 2L), (state.Answered, state.Quarantined));
    }
}
