using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using WlzMessaging.Generator;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Storage;
using WlzMessaging.Testing;
using WlzMessaging.Vektis;

namespace WlzMessaging.Host.Tests.Processing;

/// <summary>
/// <see cref="FileSequence"/>, the worker's way through an inbox: the next file's first pass runs while a file is stored,
/// and second halves stay one after the other, each reading the store after the file before it committed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FileSequenceTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    /// <summary>How long file a's second half waits for b's first pass before it records that b was not read beside it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_next_file_is_read_while_a_file_is_stored_and_reads_the_store_after_its_commit()
    {
        var a = Temp.File("in/a.aw319");
        var b = Temp.File("in/b.aw319");
        await GenerateAsync(a, 400, agb: 41_000_001, seed: 31);
        await GenerateAsync(b, 300, agb: 41_000_002, seed: 32);
        var answering = new GatedAnswering(Database.ConnectionString);
        using var reference = new ReferenceSnapshotCache();
        await using var store = await Database.OpenStoreAsync();
        var processor = new FileProcessor(store, new ProcessingSettings(), answering, reference, NullLogger.Instance);
        FileJob Job(string path) => new(path, Temp.File("out"), Aw319Files.Received, Aw319Files.Received);

        var outcomes = new List<FileOutcome>();
        var sequence = new FileSequence(processor, CancellationToken.None);
        await using (sequence)
        {
            outcomes.Add(await processor.CompleteAsync(await sequence.ReadAsync(Job(a), Job(b)), CancellationToken.None));
            outcomes.Add(await processor.CompleteAsync(await sequence.ReadAsync(Job(b), null), CancellationToken.None));
        }

        Assert.Equal([FileOutcomeKind.Processed, FileOutcomeKind.Processed], outcomes.Select(o => o.Kind));

        // a's answers were prepared (inside its transaction) only once b had been read: the two overlapped. Processed one
        // after the other, b's first pass could not start before a returned, and a would have waited in vain.
        Assert.Equal(["a read", "b read", "a prepared: 0 lines stored before", "b prepared: 400 lines stored before"], answering.Events);

        // The first pass read ahead is the one b was completed with: b's file was read once, not twice.
        Assert.Equal(1, answering.Sessions["b.aw319"]);
    }

    [Fact]
    public async Task A_file_that_is_not_the_one_read_ahead_is_read_itself_and_the_read_ahead_let_go()
    {
        var a = Temp.File("in/a.aw319");
        var b = Temp.File("in/b.aw319");
        var c = Temp.File("in/c.aw319");
        await GenerateAsync(a, 50, agb: 41_000_001, seed: 33);
        await GenerateAsync(b, 50, agb: 41_000_002, seed: 34);
        await GenerateAsync(c, 50, agb: 41_000_003, seed: 35);
        var answering = new GatedAnswering(Database.ConnectionString) { Gate = false };
        using var reference = new ReferenceSnapshotCache();
        await using var store = await Database.OpenStoreAsync();
        var processor = new FileProcessor(store, new ProcessingSettings(), answering, reference, NullLogger.Instance);
        FileJob Job(string path) => new(path, Temp.File("out"), Aw319Files.Received, Aw319Files.Received);

        var sequence = new FileSequence(processor, CancellationToken.None);
        await using (sequence)
        {
            await processor.CompleteAsync(await sequence.ReadAsync(Job(a), Job(b)), CancellationToken.None);

            // b was left alone (another worker has it): c comes next, read now; b's read ahead is dropped, never stored.
            await processor.CompleteAsync(await sequence.ReadAsync(Job(c), null), CancellationToken.None);
        }

        await using var connection = await Database.OpenConnectionAsync();
        Assert.Equal(["a.aw319", "c.aw319"], (await connection.QueryAsync<string>("SELECT file_name FROM vektis_file ORDER BY id")).ToList());
        Assert.Equal(100L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM declaration_line"));
        Assert.Equal(1, answering.Sessions["b.aw319"]);
        Assert.Equal(1, answering.Sessions["c.aw319"]);
    }

    private static async Task GenerateAsync(string path, long lines, int agb, ulong seed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await new Aw319Generator(new Aw319GeneratorOptions { Lines = lines, Seed = seed, Agb = agb }).WriteFileAsync(path);
    }

    /// <summary>
    /// Structural answers that log when a file's first pass saw its 99 record and when its answers were prepared, with the
    /// lines the store held (committed) at that moment. With <see cref="Gate"/>, file a's preparation waits for file b's
    /// first pass to end: it can only end while a is in hand if b is read beside it.
    /// </summary>
    private sealed class GatedAnswering(string connectionString) : IFileAnswering
    {
        private readonly TaskCompletionSource _bRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _lock = new();

        public bool Gate { get; init; } = true;

        public string ConnectionString { get; } = connectionString;

        public List<string> Events { get; } = [];

        public Dictionary<string, int> Sessions { get; } = [];

        public IFileAnswerSession Begin(FileAnswerContext context)
        {
            lock (_lock)
            {
                Sessions[context.FileName] = Sessions.GetValueOrDefault(context.FileName) + 1;
            }

            return new Session(this, Path.GetFileNameWithoutExtension(context.FileName));
        }

        private void Log(string text)
        {
            lock (_lock)
            {
                Events.Add(text);
            }
        }

        private sealed class Session(GatedAnswering owner, string name) : IFileAnswerSession, IVektisRecordHandler
        {
            public IReadOnlyList<IVektisRecordHandler> FirstPassHandlers => [this];

            public void OnRecord(in VektisRecord record)
            {
                if (record.Type == RecordType.Sluit)
                {
                    owner.Log($"{name} read");
                    if (name == "b")
                    {
                        owner._bRead.TrySetResult();
                    }
                }
            }

            public async ValueTask<IRecordAnswers> PrepareAsync(AnswerInputs inputs, CancellationToken cancellationToken)
            {
                if (owner.Gate && name == "a")
                {
                    try
                    {
                        await owner._bRead.Task.WaitAsync(Patience, cancellationToken);
                    }
                    catch (TimeoutException)
                    {
                        owner.Log("a waited in vain for b's first pass");
                    }
                }

                // What another connection sees committed: the history a file of the same provider would read.
                await using var connection = new Npgsql.NpgsqlConnection(owner.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                var stored = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM declaration_line");
                owner.Log($"{name} prepared: {stored} lines stored before");
                return new StructuralAnswers();
            }
        }
    }
}
