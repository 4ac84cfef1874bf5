using WlzMessaging.Generator;
using WlzMessaging.Vektis;

namespace WlzMessaging.Benchmarks;

/// <summary>
/// The AW319 files the benchmarks read: generated (seed 1), the same bytes every run. The sizes are known up front from
/// the generator's plan, so the MB/s and records/s columns (computed in the host process, which never holds the bytes)
/// agree with what the benchmark process reads; <see cref="Generate"/> checks that they do.
/// </summary>
public static class Inputs
{
    public const ulong Seed = 1;

    /// <summary>The "1,000,000-line file": one AW319 holds at most 999,999 lines (9904 has 6 positions).</summary>
    public const int FullLines = 999_999;

    private static readonly Dictionary<int, InputSize> s_sizes = [];

    /// <summary>
    /// Seed 1 and the generator's defaults. The generator sizes the period so that the lines add up, sign ignored, within
    /// the 11 positions of 9907 (the full file declares 1-5 January 2026), so every benchmark measures the path of an
    /// accepted file.
    /// </summary>
    public static Aw319GeneratorOptions Options(int lines) => new()
    {
        Lines = lines,
        Seed = Seed,
    };

    /// <summary>Bytes and records of the generated file with <paramref name="lines"/> lines, without writing it.</summary>
    public static InputSize SizeOf(int lines)
    {
        lock (s_sizes)
        {
            if (!s_sizes.TryGetValue(lines, out var size))
            {
                var generator = new Aw319Generator(Options(lines));
                size = SizeOf(generator);
                s_sizes[lines] = size;
            }

            return size;
        }
    }

    /// <summary>01 + one 02 a client + one 04 a line + 99 (no 98s by default), each 310 positions and CR LF.</summary>
    private static InputSize SizeOf(Aw319Generator generator)
    {
        var records = 2 + generator.FileClients + generator.Options.Lines;
        return new InputSize(records * (Aw319Layout.RecordLength + 2), records, generator.Options.Lines);
    }

    /// <summary>The file's bytes, plus what a reader should find in them.</summary>
    public static (byte[] Bytes, Aw319Generator Generator) Generate(int lines)
    {
        var generator = new Aw319Generator(Options(lines));
        var bytes = generator.ToArray();
        var expected = SizeOf(generator);
        if (bytes.Length != expected.Bytes)
        {
            throw new InvalidOperationException($"generated {bytes.Length} bytes, the size formula says {expected.Bytes}: fix Inputs.SizeOf");
        }

        return (bytes, generator);
    }

    /// <summary>The options the reader gets: a received date on which every line is acceptable.</summary>
    public static VektisReaderOptions ReaderOptions(Aw319Generator generator) => new()
    {
        ReceivedDate = generator.EarliestReceivedDate,
        ExpectedUzovi = generator.Options.Uzovi,
    };
}

public readonly record struct InputSize(long Bytes, long Records, long Lines);
