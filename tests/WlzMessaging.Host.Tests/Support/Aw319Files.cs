using Npgsql;
using WlzMessaging.Generator;
using WlzMessaging.Vektis;

namespace WlzMessaging.Host.Tests.Support;

/// <summary>Generated AW319 files and the answers the codec alone gives them.</summary>
internal static class Aw319Files
{
    /// <summary>A file received on this day is never early for the generator's default month (2026-01).</summary>
    public static readonly DateOnly Received = new(2026, 2, 16);

    public static async Task<Aw319GenerationResult> GenerateAsync(string path, long lines, ulong seed = 1, bool comments = true, bool test = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var generator = new Aw319Generator(new Aw319GeneratorOptions { Lines = lines, Seed = seed, Comments = comments, Test = test });
        return await generator.WriteFileAsync(path);
    }

    /// <summary>The AW320 the structural answers give, with the header the pipeline writes for file <paramref name="fileId"/>.</summary>
    public static async Task<byte[]> StructuralAnswerAsync(string input, long fileId, DateOnly received, int? uzovi = null, DateOnly? answerDate = null)
    {
        var options = new VektisReaderOptions { ReceivedDate = received, ExpectedUzovi = uzovi };
        var structure = await VektisReader.ReadFileAsync(input, default(NoRecords), options);
        using var output = new MemoryStream();
        await Aw320Responder.WriteAsync(
            () => File.OpenRead(input), structure, new StructuralAnswers(), output, Aw320Header.Create($"WLZ-{fileId:D10}", answerDate ?? received), options);
        return output.ToArray();
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
