using Microsoft.Extensions.Diagnostics.HealthChecks;
using WlzMessaging.Storage;

namespace WlzMessaging.Operations.Health;

/// <summary><c>/healthz</c>'s <c>database</c>: the worker's database answers a query within 5 seconds.</summary>
public sealed class DatabaseHealthCheck(OperatorStore store) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store.Current is not { } current)
        {
            return HealthCheckResult.Unhealthy("not reached yet");
        }

        return await StoreProbe.ProblemAsync(current, Timeout, cancellationToken).ConfigureAwait(false) is { } problem
            ? HealthCheckResult.Unhealthy($"unreachable: {problem}")
            : HealthCheckResult.Healthy($"reachable: {current.Description}");
    }
}
