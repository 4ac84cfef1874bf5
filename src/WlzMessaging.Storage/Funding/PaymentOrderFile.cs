using WlzMessaging.Storage.Files;

namespace WlzMessaging.Storage.Funding;

/// <summary>
/// Where an approval writes a run's payment order (<see cref="PaymentOrderCsv.FileName"/> in the directory the operator
/// names), and the writing: durable (<see cref="DurableFile.WriteNewAsync"/>: synced, renamed into place, the directory
/// synced), never over an existing file, and removed again when the approval does not commit.
/// </summary>
internal sealed class PaymentOrderFile
{
    private PaymentOrderFile(string directory, string fileName)
    {
        Directory = directory;
        FileName = fileName;
        Path = System.IO.Path.Combine(directory, fileName);
    }

    /// <summary>The full path of the directory.</summary>
    public string Directory { get; }

    public string FileName { get; }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <summary>The payment order file of <paramref name="runDate"/> in <paramref name="directory"/>.</summary>
    /// <exception cref="FundingRefusedException">A file of that name exists already.</exception>
    public static PaymentOrderFile In(string directory, DateOnly runDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var file = new PaymentOrderFile(System.IO.Path.GetFullPath(directory), PaymentOrderCsv.FileName(runDate));
        return File.Exists(file.Path)
            ? throw new FundingRefusedException($"{file.Path} exists already: move it away, or give another directory")
            : file;
    }

    /// <summary>Writes the file (the directory created when missing); an <see cref="IOException"/> if it appeared meanwhile.</summary>
    public Task WriteAsync(byte[] content, CancellationToken cancellationToken) =>
        DurableFile.WriteNewAsync(Path, content, cancellationToken);

    /// <summary>Removes the file written by <see cref="WriteAsync"/>: the approval it belongs to did not commit.</summary>
    public void Remove() => DurableFile.Delete(Path);
}
