using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Ingestion.Nightly;
using WlzMessaging.Storage.Files;
using WlzMessaging.Testing;
using WlzMessaging.Testing.Funding;

namespace WlzMessaging.Host.Tests.Nightly;

/// <summary>The temporary AW320s a dead process left in the outbox: published when committed, removed when not, else left.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StaleAnswersTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private static readonly DateTimeOffset Now = new(2025, 3, 12, 2, 0, 0, TimeSpan.Zero);


    [Fact]
    public async Task Committed_ones_are_published_rolled_back_ones_removed_and_those_still_in_work_left()
    {
        var inbox = Directory.CreateDirectory(Temp.File("inbox")).FullName;
        var outbox = Directory.CreateDirectory(Temp.File("outbox")).FullName;
        var old = Now.UtcDateTime - TimeSpan.FromDays(2);

        var committed = Temporary(outbox, "committed.aw320", "answer of a committed file", old);
        await CommitAsync("committed.aw320", "answer of a committed file");
        var rolledBack = Temporary(outbox, "rolled-back.aw320", "answer of a transaction that rolled back", old);
        var copy = Temporary(outbox, "published.aw320", "answer published already", old);
        await File.WriteAllTextAsync(Path.Combine(outbox, "published.aw320"), "answer published already");
        await CommitAsync("published.aw320", "answer published already");
        var clash = Temporary(outbox, "clash.aw320", "the first answer of this name", old);
        await File.WriteAllTextAsync(Path.Combine(outbox, "clash.aw320"), "a later answer of the same name");
        await CommitAsync("clash.aw320", "the first answer of this name");
        var inputWaiting = Temporary(outbox, "waiting.aw320", "its input finishes it", old);
        await File.WriteAllTextAsync(Path.Combine(inbox, "waiting.aw319"), "the input, back in the inbox");
        var young = Temporary(outbox, "young.aw320", "being written", Now.UtcDateTime - TimeSpan.FromHours(1));

        await using var store = await Database.OpenStoreAsync();
        var tidied = await StaleAnswers.TidyAsync(
            store, outbox, inbox, new ManualClock(Now), NullLogger.Instance, CancellationToken.None);

        Assert.Equal(new StaleAnswersTidied(Published: 1, Removed: 2, LeftForOperator: 1), tidied);
        Assert.False(File.Exists(committed));
        Assert.Equal("answer of a committed file", await File.ReadAllTextAsync(Path.Combine(outbox, "committed.aw320")));
        Assert.False(File.Exists(rolledBack));
        Assert.False(File.Exists(Path.Combine(outbox, "rolled-back.aw320")));
        Assert.False(File.Exists(copy));
        Assert.True(File.Exists(clash));
        Assert.Equal("a later answer of the same name", await File.ReadAllTextAsync(Path.Combine(outbox, "clash.aw320")));
        Assert.True(File.Exists(inputWaiting));
        Assert.True(File.Exists(young));

        // A second pass finds nothing more to do.
        Assert.Equal(
            new StaleAnswersTidied(0, 0, 1),
            await StaleAnswers.TidyAsync(store, outbox, inbox, new ManualClock(Now), NullLogger.Instance, CancellationToken.None));
    }

    private static string Temporary(string outbox, string answerName, string content, DateTime writtenUtc)
    {
        var path = Path.Combine(outbox, "." + answerName + ".tmp");
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, writtenUtc);
        return path;
    }

    private async Task CommitAsync(string answerName, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        await using var connection = await Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var fileId = await StoredFiles.InsertAsync(connection, transaction, content: answerName, factuurnummer: answerName);
        await VektisFileRepository.InsertAw320Async(connection, transaction, fileId, answerName, SHA256.HashData(bytes), bytes.Length, bytes, null);
        await transaction.CommitAsync();
    }
}
