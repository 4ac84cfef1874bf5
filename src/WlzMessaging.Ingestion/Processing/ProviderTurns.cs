namespace WlzMessaging.Ingestion.Processing;

/// <summary>
/// The order in which the worker's files may start their second halves when several are stored at once: a file of a provider
/// waits until every file of that provider taken before it has finished; files of other providers do not wait for each
/// other. So two files of one provider in one pass are answered exactly as one after the other (the second one's history
/// read sees the first one's lines, and its invoice check the first one's invoice), while files of different providers
/// share the two cores: one's COPY runs while the other is adjudicated.
/// </summary>
/// <remarks>
/// <para>
/// Across processes the provider's writer lock (specs/storage.md) is what keeps two writers of one provider apart; it does
/// not keep an order. Within one worker the order of the inbox is kept too: a later file must not take the lock before an
/// earlier one of the same provider, which it could if both waited for it at once.
/// </para>
/// <para>
/// A file's provider is known only after its first pass (the 01 record). A file therefore waits for every earlier file to
/// have finished its first pass, then only for those of its own provider. A file without a provider (rejected as a whole
/// before its header could be read, gone, or failed in its first pass) reads no history and waits for nobody.
/// </para>
/// </remarks>
public sealed class ProviderTurns
{
    private readonly Lock _lock = new();
    private readonly List<Turn> _open = [];

    /// <summary>A turn for the next file, in the order files are taken: before its first pass starts.</summary>
    public Turn Take()
    {
        lock (_lock)
        {
            var turn = new Turn(this);
            _open.Add(turn);
            return turn;
        }
    }

    private Turn[] Before(Turn turn)
    {
        lock (_lock)
        {
            var at = _open.IndexOf(turn);
            return at <= 0 ? [] : _open.GetRange(0, at).ToArray();
        }
    }

    private void Close(Turn turn)
    {
        lock (_lock)
        {
            _open.Remove(turn);
        }
    }

    /// <summary>One file's place in the order. Disposed when the file is done, however it ended.</summary>
    public sealed class Turn : IDisposable
    {
        private readonly ProviderTurns _turns;
        private readonly TaskCompletionSource<int?> _provider = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal Turn(ProviderTurns turns) => _turns = turns;

        /// <summary>
        /// After the file's first pass: says its provider (null: none) and waits until every earlier file of that provider has
        /// finished. Cancelling gives up the wait, never another file's turn.
        /// </summary>
        public async Task WaitAsync(int? provider, CancellationToken cancellationToken)
        {
            _provider.TrySetResult(provider);
            foreach (var earlier in _turns.Before(this))
            {
                var theirs = await earlier._provider.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (provider is not null && theirs == provider)
                {
                    await earlier._done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>The file is done (or never got to its second half): later files of its provider may go on.</summary>
        public void Dispose()
        {
            _provider.TrySetResult(null);
            _done.TrySetResult();
            _turns.Close(this);
        }
    }
}
