using Microsoft.Extensions.Logging.Abstractions;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Storage;
using WlzMessaging.Testing;
using WlzMessaging.Vektis;

namespace WlzMessaging.Host.Tests.Processing;

/// <summary>
/// A large file's state (its answer session: the prepass and the adjudicator, hundreds of MB for a million lines) is gone
/// when <see cref="FileProcessor.ProcessAsync"/> returns, not carried by the worker into its next file.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FileMemoryTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task The_session_of_a_file_at_the_threshold_is_collected_before_ProcessAsync_returns()
    {
        var input = Temp.File("in/large.aw319");
        await Aw319Files.GenerateAsync(input, 300, seed: 23);
        var answering = new TrackedAnswering();
        using var reference = new ReferenceSnapshotCache();
        await using var store = await Database.OpenStoreAsync();
        var processor = new FileProcessor(
            store,
            new ProcessingSettings { ReturnMemoryFromLines = 300 },
            answering,
            reference,
            NullLogger.Instance);

        var outcome = await processor.ProcessAsync(
            new FileJob(input, Temp.File("out"), Aw319Files.Received, Aw319Files.Received), CancellationToken.None);

        Assert.Equal(FileOutcomeKind.Processed, outcome.Kind);
        Assert.Equal(300, outcome.Lines);
        Assert.NotNull(answering.Session);

        // No collection here: only the processor's own, after the file's frame was left, can have freed it. Had the
        // continuation run inside that frame (as it did before the yield), the session would still be alive.
        Assert.False(answering.Session.IsAlive, "the file's session outlived ProcessAsync");
    }

    /// <summary>Answers structurally, and remembers its one session only weakly.</summary>
    private sealed class TrackedAnswering : IFileAnswering
    {
        public WeakReference? Session { get; private set; }

        public IFileAnswerSession Begin(FileAnswerContext context)
        {
            var session = new HeavySession();
            Session = new WeakReference(session);
            return session;
        }
    }

    /// <summary>A session holding a large block, as a million-line prepass does.</summary>
    private sealed class HeavySession : IFileAnswerSession
    {
        private readonly byte[] _state = new byte[16 * 1024 * 1024];

        public IReadOnlyList<IVektisRecordHandler> FirstPassHandlers => [];

        public ValueTask<IRecordAnswers> PrepareAsync(AnswerInputs inputs, CancellationToken cancellationToken)
        {
            _state[0] = 1;
            return ValueTask.FromResult<IRecordAnswers>(new StructuralAnswers());
        }
    }
}
