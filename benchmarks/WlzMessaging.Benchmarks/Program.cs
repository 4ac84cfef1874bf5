using BenchmarkDotNet.Running;
using WlzMessaging.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(AdjudicationBenchmarks).Assembly).Run(args);
