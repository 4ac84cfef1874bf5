using WlzMessaging.Ingestion.Processing;

namespace WlzMessaging.Host.Tests.Processing;

/// <summary>
/// <see cref="ProviderTurns"/>: with several files in hand, a file of a provider starts its second half only after the files
/// of that provider taken before it; files of other providers, and files without a provider, do not wait. Pure: no database,
/// no clock; every wait is observed as a task that has or has not completed.
/// </summary>
public sealed class ProviderTurnsTests
{
    private const int ProviderA = 41_000_001;
    private const int ProviderB = 41_000_002;

    [Fact]
    public async Task A_file_waits_for_the_earlier_file_of_its_provider_until_that_one_is_done()
    {
        var turns = new ProviderTurns();
        var first = turns.Take();
        var second = turns.Take();
        await first.WaitAsync(ProviderA, CancellationToken.None);

        var waiting = second.WaitAsync(ProviderA, CancellationToken.None);
        await Task.Yield();
        Assert.False(waiting.IsCompleted);

        first.Dispose();
        await waiting.WaitAsync(TimeSpan.FromMinutes(1));
        second.Dispose();
    }

    [Fact]
    public async Task Files_of_different_providers_do_not_wait_for_each_other()
    {
        var turns = new ProviderTurns();
        using var first = turns.Take();
        using var second = turns.Take();
        await first.WaitAsync(ProviderA, CancellationToken.None);

        // The first file is still in hand (not disposed): the second, of another provider, goes on.
        var waiting = second.WaitAsync(ProviderB, CancellationToken.None);
        Assert.True(waiting.IsCompletedSuccessfully);
        await waiting;
    }

    [Fact]
    public async Task A_later_file_waits_until_an_earlier_file_still_in_its_first_pass_has_said_its_provider()
    {
        var turns = new ProviderTurns();
        var first = turns.Take();
        using var second = turns.Take();

        // The later file finished its first pass first: whether it may go on depends on the earlier file's provider.
        var waiting = second.WaitAsync(ProviderA, CancellationToken.None);
        await Task.Yield();
        Assert.False(waiting.IsCompleted);

        // Another provider: the wait ends without the earlier file being done.
        await first.WaitAsync(ProviderB, CancellationToken.None);
        await waiting.WaitAsync(TimeSpan.FromMinutes(1));
        first.Dispose();
    }

    [Fact]
    public async Task An_earlier_file_of_the_same_provider_read_after_the_later_one_still_goes_first()
    {
        var turns = new ProviderTurns();
        var first = turns.Take();
        using var second = turns.Take();
        var waiting = second.WaitAsync(ProviderA, CancellationToken.None);

        await first.WaitAsync(ProviderA, CancellationToken.None);
        await Task.Yield();
        Assert.False(waiting.IsCompleted);

        first.Dispose();
        await waiting.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_file_without_a_provider_waits_for_nobody_and_holds_up_nobody()
    {
        var turns = new ProviderTurns();
        using var first = turns.Take();
        using var second = turns.Take();
        using var third = turns.Take();
        await first.WaitAsync(ProviderA, CancellationToken.None);

        // Rejected as a whole before its header could be read: no history, no order to keep.
        var noProvider = second.WaitAsync(null, CancellationToken.None);
        Assert.True(noProvider.IsCompletedSuccessfully);

        var otherProvider = third.WaitAsync(ProviderB, CancellationToken.None);
        Assert.True(otherProvider.IsCompletedSuccessfully);
        await Task.WhenAll(noProvider, otherProvider);
    }

    [Fact]
    public async Task A_file_that_ended_in_its_first_pass_lets_the_later_files_go_on()
    {
        var turns = new ProviderTurns();
        var first = turns.Take();
        using var second = turns.Take();
        var waiting = second.WaitAsync(ProviderA, CancellationToken.None);

        // Its first pass failed (or the file was gone): it is disposed without ever saying a provider.
        first.Dispose();
        await waiting.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Only_the_files_taken_before_count_not_those_taken_after()
    {
        var turns = new ProviderTurns();
        var first = turns.Take();
        using var second = turns.Take();

        // The later file of the same provider finished its first pass first and waits; the earlier one does not wait for it.
        var later = second.WaitAsync(ProviderB, CancellationToken.None);
        var earlier = first.WaitAsync(ProviderB, CancellationToken.None);
        Assert.True(earlier.IsCompletedSuccessfully);
        await earlier;
        await Task.Yield();
        Assert.False(later.IsCompleted);

        first.Dispose();
        await later.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Stopping_ends_the_wait_and_not_the_earlier_files_turn()
    {
        var turns = new ProviderTurns();
        using var first = turns.Take();
        using var second = turns.Take();
        using var third = turns.Take();
        await first.WaitAsync(ProviderA, CancellationToken.None);
        using var stopping = new CancellationTokenSource();
        var waiting = second.WaitAsync(ProviderA, stopping.Token);

        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        // The earlier file still holds its provider's turn against the next file.
        var later = third.WaitAsync(ProviderA, CancellationToken.None);
        await Task.Yield();
        Assert.False(later.IsCompleted);
    }
}
