using Npgsql;
using WlzMessaging.Adjudication;
using WlzMessaging.Generator;
using WlzMessaging.Reference;
using WlzMessaging.Reference.Csv;
using WlzMessaging.Vektis;

namespace WlzMessaging.Host.Tests.Support;

/// <summary>Generated AW319 files and the answers the codec alone gives them.</summary>
internal static class Aw319Files
{
    /// <summary>A file received on this day is never early for the generator's default month (2025-01), nor past its cutoff.</summary>
    public static readonly DateOnly Received = new(2026, 2, 16);

    public static async Task<Aw319GenerationResult> GenerateAsync(
        string path, long lines, ulong seed = 1, bool comments = true, bool test = false, string? referenceOut = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var generator = new Aw319Generator(new Aw319GeneratorOptions { Lines = lines, Seed = seed, Comments = comments, Test = test });
        if (referenceOut is not null)
        {
            generator.WriteReferenceData(referenceOut);
        }

        return await generator.WriteFileAsync(path);
    }

    /// <summary>The AW320 the codec alone gives (structural faults only, every sound line approved as declared).</summary>
    public static Task<byte[]> StructuralAnswerAsync(string input, long fileId, DateOnly received, int? uzovi = null, DateOnly? answerDate = null) =>
        AnswerAsync(input, fileId, received, uzovi, answerDate, reference: null);

    /// <summary>
    /// The AW320 one clean pass of the adjudicator gives against <paramref name="reference"/> (empty: no provider, MAZ or
    /// agreement is known, so every sound line is rejected) and an empty history: what the pipeline must have written
    /// however often it was stopped, killed or cut off on the way.
    /// </summary>
    public static Task<byte[]> AdjudicatedAnswerAsync(
        string input, long fileId, DateOnly received, int? uzovi = null, DateOnly? answerDate = null, ReferenceSnapshot? reference = null) =>
        AnswerAsync(input, fileId, received, uzovi, answerDate, reference ?? ReferenceSnapshot.Empty);

    private static async Task<byte[]> AnswerAsync(string input, long fileId, DateOnly received, int? uzovi, DateOnly? answerDate, ReferenceSnapshot? reference)
    {
        var options = new VektisReaderOptions { ReceivedDate = received, ExpectedUzovi = uzovi };
        var prepass = new FilePrepass();
        var structure = await VektisReader.ReadFileAsync(input, prepass, options);
        IRecordAnswers answers = new StructuralAnswers();
        if (reference is not null && !structure.IsRejected)
        {
            var keys = prepass.Complete();
            answers = new Adjudicator(reference, new DeclarationHistory(), keys, AdjudicationSettings.Default, keys.ContextFor(received));
        }

        using var output = new MemoryStream();
        await Aw320Responder.WriteAsync(
            () => File.OpenRead(input), structure, answers, output, Aw320Header.Create($"WLZ-{fileId:D10}", answerDate ?? received), options);
        return output.ToArray();
    }

    /// <summary>The snapshot of a directory of reference CSVs (the generator's --reference-out).</summary>
    public static ReferenceSnapshot LoadReference(string directory)
    {
        var set = ReferenceDataSet.Load(directory);
        Assert.True(set.IsValid, string.Join("; ", set.Problems));
        return ReferenceSnapshot.Build(set.ToTables());
    }

    /// <summary>Per 04 record of an AW320: id → (0431, 0483 signed, first retourcode).</summary>
    public static async Task<Dictionary<long, (string Reference, long Toegekend, int Code)>> AnsweredLinesAsync(string aw320)
    {
        var collector = new LineCollector();
        await VektisReader.ReadFileAsync(aw320, collector);
        return collector.Lines;
    }

    public static async Task<long> FileIdAsync(NpgsqlConnection connection, string fileName)
    {
        await using var command = new NpgsqlCommand("SELECT id FROM vektis_file WHERE file_name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fileName });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private readonly struct NoRecords : IVektisRecordHandler
    {
        public void OnRecord(in VektisRecord record)
        {
        }
    }

    private sealed class LineCollector : IVektisRecordHandler
    {
        public Dictionary<long, (string, long, int)> Lines { get; } = [];

        public void OnRecord(in VektisRecord record)
        {
            if (record.Type == RecordType.Prestatie)
            {
                var line = record.AsPrestatie();
                Lines.Add(line.IdentificatieDetailrecord, (record.Text(Aw319Layout.Prestatie.Referentienummer), line.ToegekendBedragSigned, line.Retourcodes[0].Value));
            }
        }
    }
}
