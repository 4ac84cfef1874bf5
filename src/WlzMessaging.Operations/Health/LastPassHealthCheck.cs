using Microsoft.Extensions.Diagnostics.HealthChecks;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Worker;

namespace WlzMessaging.Operations.Health;

/// <summary>
/// <c>/healthz</c>'s <c>lastPass</c>: when the worker last finished a pass through its inbox (Amsterdam time). Before the
/// first pass (the database not reached yet, or the first files still in work) it is degraded, which still answers 200:
/// a worker busy with a large file is healthy.
/// </summary>
public sealed class LastPassHealthCheck(WorkerActivity activity) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(activity.LastPassAt is { } at
            ? HealthCheckResult.Healthy(Amsterdam.ToLocal(at).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture))
            : HealthCheckResult.Degraded("no pass finished yet"));
}
