using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace WlzMessaging.Benchmarks;

/// <summary>
/// MemoryDiagnoser, the throughput columns, and a job that suits operations of about half a second: one launch, two
/// warm-up and five measured iterations. The job is a default: <c>--job short</c> or <c>-j Dry</c> on the command line
/// replaces it.
/// </summary>
public sealed class CodecConfig : ManualConfig
{
    public CodecConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .AsDefault());
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new ThroughputColumn(ThroughputColumn.Unit.MegabytesPerSecond));
        AddColumn(new ThroughputColumn(ThroughputColumn.Unit.RecordsPerSecond));
        AddColumn(new AllocatedPerRecordColumn());
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
    }
}

/// <summary>The input's size for a benchmark case, from its <c>Lines</c> parameter; null for a case without one.</summary>
internal static class CaseInput
{
    public static InputSize? Of(BenchmarkCase benchmarkCase) => Lines(benchmarkCase) is int n ? Inputs.SizeOf(n) : null;

    /// <summary>Whether any case of the summary reads a file (the throughput columns mean nothing for the others).</summary>
    public static bool AnyIn(Summary summary) => summary.BenchmarksCases.Any(c => Lines(c) is not null);

    private static int? Lines(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Lines")?.Value as int?;
}

/// <summary>
/// MB/s (10^6 bytes of AW319 read per second) or records/s (all records: 01, 02, 04, 99), from the mean time of one
/// operation, which reads the whole file once.
/// </summary>
public sealed class ThroughputColumn(ThroughputColumn.Unit unit) : IColumn
{
    public enum Unit
    {
        MegabytesPerSecond,
        RecordsPerSecond,
    }

    public string Id => nameof(ThroughputColumn) + unit;

    public string ColumnName => unit == Unit.MegabytesPerSecond ? "MB/s" : "Records/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => unit == Unit.MegabytesPerSecond ? 0 : 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => unit == Unit.MegabytesPerSecond
        ? "AW319 input read per second, in 10^6 bytes (reading + writing the AW320 counts the input once)"
        : "AW319 records (01, 02, 04, 99) per second";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => CaseInput.AnyIn(summary);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is not > 0 || CaseInput.Of(benchmarkCase) is not { } size)
        {
            return "-";
        }

        var seconds = mean.Value / 1e9;
        return unit == Unit.MegabytesPerSecond
            ? (size.Bytes / 1e6 / seconds).ToString("N0", CultureInfo.InvariantCulture)
            : (size.Records / seconds).ToString("N0", CultureInfo.InvariantCulture);
    }
}

/// <summary>Bytes allocated per operation divided by the records read: 0.000 when allocation does not grow with the file.</summary>
public sealed class AllocatedPerRecordColumn : IColumn
{
    public string Id => nameof(AllocatedPerRecordColumn);

    public string ColumnName => "B/record";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Metric;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Allocated bytes per operation divided by the records in the file";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => CaseInput.AnyIn(summary);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var allocated = summary[benchmarkCase]?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        if (allocated is not { } bytes || CaseInput.Of(benchmarkCase) is not { } size)
        {
            return "-";
        }

        return ((double)bytes / size.Records).ToString("0.000", CultureInfo.InvariantCulture);
    }
}
