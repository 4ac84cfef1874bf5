using Microsoft.Extensions.Diagnostics.HealthChecks;
using WlzMessaging.Ingestion.Worker;

namespace WlzMessaging.Operations.Health;

/// <summary>
/// <c>/healthz</c>'s <c>inbox</c>: the worker can write in its inbox (it must move every file out of it). Tried for real: a
/// hidden file is created and deleted, which the worker never takes (names starting with '.' are skipped).
/// </summary>
public sealed class InboxHealthCheck(WorkerSettings settings) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(settings.Inbox, $".wlz-healthz-{Environment.ProcessId}");
        try
        {
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return Task.FromResult(HealthCheckResult.Healthy("writable"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"not writable: {e.Message}"));
        }
    }
}
