using System.Text;
using WlzMessaging.Testing;
using WlzMessaging.Vektis.Tests.Support;

namespace WlzMessaging.Vektis.Tests;

/// <summary>
/// Seeded fuzzing: thousands of random corruptions of valid files. The reader never throws or hangs, and it is held to an
/// independent judge both ways: every corruption that breaks a rule is reported (not Vektis, rejected, or a record
/// fault), and a corruption that breaks none (a flipped letter in a name, two comment lines swapped) passes as sound.
/// The responder answers every file the reader can read without throwing.
/// </summary>
public sealed class FuzzTests
{
    private const int Cases = 3_000;
    private const int Seed = 20_250_210;

    private static List<byte[]> Originals()
    {
        var golden = Directory.GetFiles(RepositoryRoot.Combine("testdata", "aw319"), "*.aw319")
            .Where(f => !f.Contains("record-faults", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes);
        return [.. golden, Aw319FileBuilder.Standard().ToBytes()];
    }

    [Fact]
    public async Task Random_corruptions_of_valid_files_never_throw_never_hang_and_never_pass_unnoticed()
    {
        var originals = Originals();
        Assert.All(originals, o => Assert.Null(StructureOracle.FirstFault(o, Aw319FileBuilder.Received, Aw319FileBuilder.Uzovi)));
        var random = new Random(Seed);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < Cases; i++)
        {
            var original = originals[random.Next(originals.Count)];
            var (corrupted, how) = Corrupt(original, random);
            var context = $"case {i} ({how})";

            // The reader runs on the thread pool, so a loop that never ends fails the test instead of stopping it.
            var read = await Task.Run(() => Reading.ReadAsync(corrupted)).WaitAsync(TimeSpan.FromSeconds(30));
            var result = read.Result;
            var fault = StructureOracle.FirstFault(corrupted, Aw319FileBuilder.Received, Aw319FileBuilder.Uzovi);
            var outcome = !result.IsVektis ? "not Vektis"
                : result.FileFaults.Count > 0 ? "rejected"
                : result.RecordsWithFaults > 0 ? "record faults"
                : corrupted.AsSpan().SequenceEqual(original) ? "unchanged"
                : "sound";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;

            if (outcome is "sound" or "unchanged")
            {
                Assert.True(fault is null, $"{context}: the reader found nothing, but {fault}");
            }
            else
            {
                Assert.True(fault is not null, $"{context}: the reader says {outcome} ({string.Join(", ", result.FileFaults)}), the file is sound");
            }

            if (!result.IsVektis)
            {
                Assert.False(string.IsNullOrEmpty(result.NotVektisReason), context);
                continue;
            }

            Assert.All(read.Records.Where(r => !r.Faults.IsEmpty), r => Assert.All(Enumerable.Range(0, r.Faults.Count), k =>
                Assert.NotNull(Retourcodes.Meaning(r.Faults[k]))));
            Assert.All(result.FileFaults, f => Assert.NotNull(Retourcodes.Meaning(f.Code)));

            var answer = await Task.Run(() => Answering.RespondAsync(corrupted)).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(result.IsRejected ? 2 : result.Records, answer.Lines.Length);
            Assert.Equal(result.IsRejected, answer.Summary.Rejected);
        }

        // Every kind of outcome happens, so the corruptions reach every part of the reader.
        var summary = string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"));
        Assert.True(outcomes.GetValueOrDefault("not Vektis") > 20, summary);
        Assert.True(outcomes.GetValueOrDefault("rejected") > 1_000, summary);
        Assert.True(outcomes.GetValueOrDefault("record faults") > 100, summary);
        Assert.True(outcomes.GetValueOrDefault("sound") > 20, summary);
    }

    /// <summary>One to three random corruptions, and a description of them for the failure message.</summary>
    private static (byte[] Bytes, string How) Corrupt(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var how = new List<string>();
        for (var n = random.Next(1, 4); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(10))
            {
                case 0:
                    var mask = (byte)random.Next(1, 256);
                    bytes[at] ^= mask;
                    how.Add($"flip {at} ^{mask:X2}");
                    break;
                case 1:
                    // A byte that keeps the record's shape: a digit, a letter or a space, the likeliest slip of a sender.
                    var value = (byte)" 0123456789ACDPTXZ"[random.Next(18)];
                    bytes[at] = value;
                    how.Add($"set {at} '{(char)value}'");
                    break;
                case 2:
                    bytes.RemoveRange(at, bytes.Count - at);
                    how.Add($"truncate at {at}");
                    break;
                case 3:
                    var lf = bytes.IndexOf((byte)'\n', at);
                    if (lf > 0)
                    {
                        var drop = random.Next(3) switch { 0 => 2, 1 => 1, _ => 1 };
                        var from = drop == 2 || random.Next(2) == 0 ? lf - 1 : lf;
                        bytes.RemoveRange(from, Math.Min(drop, bytes.Count - from));
                        how.Add($"drop {drop} of the line end at {lf}");
                    }

                    break;
                case 4:
                case 5:
                    var lines = Lines(bytes);
                    var a = random.Next(lines.Count);
                    var b = random.Next(lines.Count);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    bytes = [.. lines.SelectMany(l => l)];
                    how.Add($"swap lines {a} and {b}");
                    break;
                case 6:
                    var junk = new byte[random.Next(1, random.Next(2) == 0 ? 8 : 400)];
                    random.NextBytes(junk);
                    bytes.InsertRange(at, junk);
                    how.Add($"insert {junk.Length} junk bytes at {at}");
                    break;
                case 7:
                    var all = Lines(bytes);
                    var d = random.Next(all.Count);
                    all.RemoveAt(d);
                    bytes = [.. all.SelectMany(l => l)];
                    how.Add($"delete line {d}");
                    break;
                case 8:
                    var copy = Lines(bytes);
                    var c = random.Next(copy.Count);
                    copy.Insert(random.Next(copy.Count + 1), copy[c]);
                    bytes = [.. copy.SelectMany(l => l)];
                    how.Add($"duplicate line {c}");
                    break;
                default:
                    var length = Math.Min(random.Next(1, 40), bytes.Count - at);
                    bytes.RemoveRange(at, length);
                    how.Add($"cut {length} bytes at {at}");
                    break;
            }
        }

        return ([.. bytes], string.Join("; ", how));
    }

    /// <summary>The file as lines, each with its LF (the last one without, if the file does not end in one).</summary>
    private static List<byte[]> Lines(List<byte> bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] == '\n')
            {
                lines.Add([.. bytes.GetRange(start, i - start + 1)]);
                start = i + 1;
            }
        }

        if (start < bytes.Count)
        {
            lines.Add([.. bytes.GetRange(start, bytes.Count - start)]);
        }

        return lines;
    }
}
