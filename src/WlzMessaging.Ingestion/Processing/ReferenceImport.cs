using System.Globalization;
using WlzMessaging.Ingestion;
using WlzMessaging.Storage;
using WlzMessaging.Reference.Csv;
using WlzMessaging.Storage.Reference;

namespace WlzMessaging.Ingestion.Processing;

/// <summary>What importing one reference file did.</summary>
public sealed record ReferenceFileImport(IReferenceFileResult File, string Table, ReferenceImportOutcome Outcome);

/// <summary>
/// <c>wlz reference import DIR</c> (and <c>wlz process --reference DIR</c>): every reference file of the directory is
/// checked whole first; each valid file replaces its table in a transaction of its own, a file already imported unchanged
/// (same SHA-256) changes nothing, and an invalid file leaves its table as it was and has every problem reported as
/// <c>file:line: column: problem</c>.
/// </summary>
public static class ReferenceImport
{
    public static async Task<IReadOnlyList<ReferenceFileImport>> ImportAsync(
        Store store, string directory, TextWriter output, TextWriter problems, CancellationToken cancellationToken)
    {
        ReferenceDataSet set;
        try
        {
            set = ReferenceDataSet.Load(directory);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot read the reference data in {directory}: {e.Message}", e);
        }

        foreach (var ignored in set.IgnoredFiles)
        {
            await output.WriteLineAsync($"{LogText.Escape(ignored)}: not one of the reference files (names are case-sensitive), ignored").ConfigureAwait(false);
        }

        if (set.Files.Count == 0)
        {
            throw new CommandFailedException(
                $"{directory} holds none of the reference files ({string.Join(", ", ReferenceCsv.All.Select(p => p.FileName))}, " +
                $"{WlzMessaging.Reference.Xlsx.KoppeltabelXlsx.FileName}, {WlzMessaging.Reference.Iwlz.IwlzMessageSet.DirectoryName}/)");
        }

        var results = new List<ReferenceFileImport>();
        foreach (var file in set.Files)
        {
            var table = ReferenceRepository.TableOf(file.FileName);
            var sha256 = set.Sha256Of(file);
            ReferenceImportOutcome outcome;
            try
            {
                outcome = await ReferenceRepository.ImportAsync(store, file, sha256, cancellationToken).ConfigureAwait(false);
            }
            catch (ReferenceStorageException e)
            {
                throw new CommandFailedException($"{file.FileName}: {e.Message}; table {table} unchanged", e);
            }

            results.Add(new ReferenceFileImport(file, table, outcome));
            switch (outcome)
            {
                case ReferenceImportOutcome.Imported:
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{file.FileName}: {Rows(file.RowCount)} imported into {table}")).ConfigureAwait(false);
                    break;
                case ReferenceImportOutcome.Unchanged:
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{file.FileName}: unchanged ({Rows(file.RowCount)} already in {table})")).ConfigureAwait(false);
                    break;
                default:
                    foreach (var problem in file.Problems)
                    {
                        // A problem may quote a cell: escaped, so a control character in a file cannot reach the terminal.
                        await problems.WriteLineAsync(LogText.Escape(problem.ToString())).ConfigureAwait(false);
                    }

                    if (file.ProblemCount > file.Problems.Count)
                    {
                        await problems.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"{file.FileName}: {Problems(file.ProblemCount - file.Problems.Count)} more not shown")).ConfigureAwait(false);
                    }

                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{file.FileName}: {Problems(file.ProblemCount)}, table {table} unchanged")).ConfigureAwait(false);
                    break;
            }
        }

        return results;
    }

    private static string Problems(int count) =>
        count == 1 ? "1 problem" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} problems");

    private static string Rows(int count) =>
        count == 1 ? "1 row" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} rows");

    /// <summary>The one-line failure when some files were invalid, or null when all were imported or unchanged.</summary>
    public static string? Failure(IReadOnlyList<ReferenceFileImport> results)
    {
        var invalid = results.Where(r => r.Outcome == ReferenceImportOutcome.Invalid).Select(r => r.File.FileName).ToList();
        return invalid.Count == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"{invalid.Count} of {results.Count} reference files invalid ({string.Join(", ", invalid)}): their tables are unchanged");
    }
}
