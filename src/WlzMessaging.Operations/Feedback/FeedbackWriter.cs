using System.Globalization;
using System.Text;

namespace WlzMessaging.Operations.Feedback;

/// <summary>Writes a month's feedback into a directory: per provider AGB-YYYY-MM.html and .csv, and index.html.</summary>
public static class FeedbackWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes the files (each under a hidden name, then renamed into place); returns the paths written. The pages say when
    /// they were made (<paramref name="madeAt"/>) in Amsterdam time with the zone.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        string directory, DateOnly month, IReadOnlyList<ProviderFeedback> feedback, DateTimeOffset madeAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var pages = new List<(ProviderFeedback, string, string)>();
        foreach (var f in feedback)
        {
            var stem = string.Create(CultureInfo.InvariantCulture, $"{f.Agb}-{month:yyyy-MM}");
            var html = stem + ".html";
            var csv = stem + ".csv";
            written.Add(await WriteFileAsync(directory, html, FeedbackHtml.Write(f, csv, madeAt), cancellationToken).ConfigureAwait(false));
            written.Add(await WriteFileAsync(directory, csv, FeedbackCsv.Write(f), cancellationToken).ConfigureAwait(false));
            pages.Add((f, html, csv));
        }

        written.Add(await WriteFileAsync(directory, "index.html", FeedbackHtml.WriteIndex(month, pages, madeAt), cancellationToken).ConfigureAwait(false));
        return written;
    }

    private static async Task<string> WriteFileAsync(string directory, string name, string content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, name);
        var temporary = Path.Combine(directory, "." + name + ".tmp");
        await File.WriteAllTextAsync(temporary, content, Utf8, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
