using WlzMessaging.Storage.Files;

namespace WlzMessaging.Storage.Tests.Files;

/// <summary><see cref="DurableFile"/>: a new file appears whole under its name, never over another, with no temporary left.</summary>
public sealed class DurableFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wlz-durable-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_new_file_is_written_in_a_directory_it_creates_and_nothing_else_is_left()
    {
        var path = Path.Combine(_directory, "out", "betaalopdracht-2024-01-01.csv");

        await DurableFile.WriteNewAsync(path, "agb;amount\n"u8.ToArray(), CancellationToken.None);

        Assert.Equal("agb;amount\n"u8.ToArray(), await File.ReadAllBytesAsync(path));
        Assert.Equal([path], Directory.GetFiles(Path.Combine(_directory, "out")));
    }

    [Fact]
    public async Task An_existing_file_is_never_replaced_and_the_temporary_file_is_removed()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "order.csv");
        await File.WriteAllTextAsync(path, "first");

        await Assert.ThrowsAsync<IOException>(() => DurableFile.WriteNewAsync(path, "second"u8.ToArray(), CancellationToken.None));

        Assert.Equal("first", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task Delete_removes_the_file_and_accepts_one_that_is_gone_or_a_directory_that_is_gone()
    {
        var path = Path.Combine(_directory, "order.csv");
        await DurableFile.WriteNewAsync(path, "x"u8.ToArray(), CancellationToken.None);

        DurableFile.Delete(path);
        DurableFile.Delete(path);
        DurableFile.Delete(Path.Combine(_directory, "missing", "order.csv"));

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_directory_is_synced_on_Linux_and_a_missing_one_is_not()
    {
        Directory.CreateDirectory(_directory);

        Assert.Equal(OperatingSystem.IsLinux(), DurableFile.SyncDirectory(_directory));
        Assert.False(DurableFile.SyncDirectory(Path.Combine(_directory, "missing")));
    }
}
