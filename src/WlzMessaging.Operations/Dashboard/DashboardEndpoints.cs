using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WlzMessaging.Ingestion;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Operations;

namespace WlzMessaging.Operations.Dashboard;

/// <summary>How the dashboard reads and shows its figures.</summary>
public sealed record DashboardOptions
{
    /// <summary>Where the page is; the JSON is at <c>{Path}/api/dashboard</c>. Default the root.</summary>
    public string Path { get; init; } = "/";

    /// <summary>Per provider and per retourcode: the files finished within this window. Default 24 hours.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How often the page asks for new figures. Default 5 seconds.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Figures younger than this are served again without asking the database, however many pages poll. Default 4 seconds.
    /// </summary>
    public TimeSpan CacheFor { get; init; } = TimeSpan.FromSeconds(4);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The advance protocols the forecast chart computes with. Default the built-in VGZ 2024.</summary>
    public WlzMessaging.Funding.FundingSettings Funding { get; init; } = WlzMessaging.Funding.FundingSettings.Default;
}

/// <summary>The error body of <c>/api/dashboard</c> when the database cannot be read.</summary>
public sealed record DashboardError(string Error);

/// <summary>
/// The operators' dashboard as endpoints answering GET and HEAD: the page (<c>{Path}</c>), its figures
/// (<c>{Path}/api/dashboard</c>) and the forecast. Read-only: nothing here changes the database. <c>wlz dashboard</c> hosts
/// it on its own (<see cref="DashboardServer"/>); <c>wlz run</c> maps the same endpoints into its one web host. The
/// security headers and the host filtering are the host's (<see cref="DashboardHosting"/>).
/// </summary>
public static class DashboardEndpoints
{
    public const string ApiPath = "api/dashboard";

    /// <summary>The forecast per provider (<c>?year=YYYY</c>, default the year of today in Amsterdam).</summary>
    public const string ForecastPath = "api/forecast";

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps the page and its JSON onto <paramref name="endpoints"/>, reading through <paramref name="store"/>.</summary>
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints, Store store, DashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Map(endpoints, () => store, options);
    }

    /// <summary>
    /// Maps the page and its JSON, reading through the store <paramref name="store"/> gives at each request; while it gives
    /// none (the worker has not reached its database yet) the figures are answered with 503.
    /// </summary>
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints, Func<Store?> store, DashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(store);
        options ??= new DashboardOptions();
        var root = "/" + options.Path.Trim('/');
        var prefix = root == "/" ? "" : root;
        var page = new DashboardPage($"{prefix}/{ApiPath}", options.PollInterval, $"{prefix}/{ForecastPath}");
        var source = new SnapshotSource(store, options);
        var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(DashboardEndpoints).FullName!)
            ?? NullLogger.Instance;
        var notYet = Results.Json(new DashboardError("database unreachable: not reached yet"), OperationsJson.Default.DashboardError, statusCode: StatusCodes.Status503ServiceUnavailable);

        endpoints.MapMethods(root, GetAndHead, (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy = page.ContentSecurityPolicy;
            return Results.Content(page.Content, "text/html; charset=utf-8");
        });

        // Routing ignores a trailing slash: "/ops" also answers "/ops/". The page asks for its JSON by absolute path.
        endpoints.MapMethods($"{prefix}/{ApiPath}", GetAndHead, async (HttpContext context) =>
        {
            try
            {
                if (await source.GetAsync(context.RequestAborted) is not { } snapshot)
                {
                    return notYet;
                }

                return Results.Json(snapshot, OperationsJson.Default.DashboardSnapshot);
            }
            catch (Exception e) when (StorageFailures.IsDatabaseError(e) || e is TimeoutException)
            {
                logger.LogWarning("Dashboard figures not read: {Reason}", e.Message);
                return Results.Json(new DashboardError($"database unreachable: {e.Message}"), OperationsJson.Default.DashboardError, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        // Computed on request, not polled: a forecast runs the calculator over the rest of the year.
        endpoints.MapMethods($"{prefix}/{ForecastPath}", GetAndHead, async (HttpContext context) =>
        {
            var year = Amsterdam.ToLocal(options.Time.GetUtcNow()).Year;
            if (context.Request.Query["year"] is { Count: 1 } asked)
            {
                if (!int.TryParse(asked[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year) || year is < 2000 or > 2100)
                {
                    return Results.Json(new DashboardError("year: not a year 2000-2100"), OperationsJson.Default.DashboardError, statusCode: StatusCodes.Status400BadRequest);
                }
            }

            if (store() is not { } readFrom)
            {
                return notYet;
            }

            try
            {
                var forecasts = await readFrom.AdvanceRuns(options.Funding, options.Time).ForecastAsync(year, agb: null, context.RequestAborted);
                return Results.Json(DashboardForecast.Of(year, forecasts), OperationsJson.Default.DashboardForecast);
            }
            catch (Exception e) when (StorageFailures.IsDatabaseError(e) || e is TimeoutException)
            {
                logger.LogWarning("Dashboard forecast not read: {Reason}", e.Message);
                return Results.Json(new DashboardError($"database unreachable: {e.Message}"), OperationsJson.Default.DashboardError, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return endpoints;
    }

    /// <summary>The latest figures, read at most once per <see cref="DashboardOptions.CacheFor"/>; concurrent polls share a read.</summary>
    private sealed class SnapshotSource(Func<Store?> store, DashboardOptions options)
    {
        private readonly Lock _lock = new();
        private Task<DashboardSnapshot>? _current;
        private DateTimeOffset _readAt;

        /// <summary>The figures; null while there is no database to read them from.</summary>
        public async Task<DashboardSnapshot?> GetAsync(CancellationToken cancellationToken)
        {
            Task<DashboardSnapshot> task;
            lock (_lock)
            {
                var now = options.Time.GetUtcNow();
                if (_current is null || _current.IsFaulted || _current.IsCanceled || now - _readAt >= options.CacheFor)
                {
                    if (store() is not { } readFrom)
                    {
                        return null;
                    }

                    _current = ReadAsync(readFrom.LiveQueries());
                    _readAt = now;
                }

                task = _current;
            }

            return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        private async Task<DashboardSnapshot> ReadAsync(LiveQueries queries)
        {
            // Not the request's token: other polls may be waiting for the same read.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var rows = await queries.ReadDashboardAsync(options.Window, timeout.Token).ConfigureAwait(false);
            return DashboardSnapshotBuilder.Build(rows);
        }
    }
}
