using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Ingestion.Worker;
using WlzMessaging.Operations.Dashboard;
using WlzMessaging.Operations.Health;
using WlzMessaging.Storage;

namespace WlzMessaging.Operations;

/// <summary>
/// The one generic host of <c>wlz run</c>: the <see cref="MailboxWorker"/> and the <see cref="OperatorSide"/> as hosted
/// services and, unless <c>--once</c> or <c>Dashboard:Enabled</c> false, one Kestrel on <c>Dashboard:Urls</c> serving the
/// dashboard, <c>/metrics</c> (the <c>WlzMessaging</c> and Npgsql meters through OpenTelemetry's Prometheus exporter) and
/// <c>/healthz</c> (ASP.NET Core health checks: database reachable, inbox writable, last pass), all behind the host
/// filtering and security headers of <see cref="DashboardHosting"/>.
/// </summary>
public static class OperatorHost
{
    public const string MetricsPath = "/metrics";

    public const string HealthPath = "/healthz";

    /// <summary>
    /// The builder: a <see cref="WebApplicationBuilder"/> (no defaults: configuration and logging are the caller's) with
    /// Kestrel on <paramref name="urls"/>, or a plain <see cref="HostApplicationBuilder"/> when <paramref name="urls"/> is null.
    /// </summary>
    public static IHostApplicationBuilder CreateBuilder(string? urls)
    {
        if (urls is null)
        {
            return Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                DisableDefaults = true,
                ApplicationName = "wlz",
                ContentRootPath = AppContext.BaseDirectory,
            });
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "wlz", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().UseUrls(urls);
        builder.Services.AddRoutingCore();
        return builder;
    }

    /// <summary>
    /// The worker, its operators' side and what they share: the <see cref="WorkerActivity"/>, the metrics, and (when
    /// <paramref name="builder"/> serves) OpenTelemetry, the health checks and the <c>Dashboard</c> options checked at start.
    /// The caller has registered <see cref="WorkerSettings"/>, <see cref="WorkerRunOptions"/>, the answering and the clock.
    /// </summary>
    public static void AddWorker(IHostApplicationBuilder builder, WorkerSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var services = builder.Services;
        var activity = new WorkerActivity(settings.Inbox, settings.HeartbeatInterval, time);
        services.AddSingleton(activity);
        services.AddSingleton<OperatorStore>();
        services.AddMetrics();
        services.AddSingleton(provider => new WlzMetrics(
            provider.GetRequiredService<IMeterFactory>(), () => activity.Waiting ?? 0, activity.Counts, time));

        if (builder is WebApplicationBuilder)
        {
            services.AddDashboardHosting(builder.Configuration.GetSection(DashboardHostOptions.Section));
            services.PostConfigure<DashboardHostOptions>(o => o.Urls = settings.DashboardUrls ?? WorkerSettings.DefaultDashboardUrls);
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(WlzMetrics.MeterName)
                .AddStorageInstrumentation()
                .AddPrometheusExporter());
            services.AddHealthChecks()
                .AddCheck<DatabaseHealthCheck>("database")
                .AddCheck<InboxHealthCheck>("inbox")
                .AddCheck<LastPassHealthCheck>("lastPass");
        }

        // Stopped in reverse order: the worker first (its file in hand may finish), then the heartbeat and nightly job.
        services.AddHostedService<OperatorSide>();
        services.AddHostedService<MailboxWorker>();
    }

    /// <summary>Builds the host; a web host gets its endpoints and says where it listens once it does.</summary>
    public static IHost Build(IHostApplicationBuilder builder, WorkerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        switch (builder)
        {
            case HostApplicationBuilder plain:
                return plain.Build();
            case WebApplicationBuilder web:
                var app = web.Build();
                app.UseDashboardHosting();
                var store = app.Services.GetRequiredService<OperatorStore>();
                DashboardEndpoints.Map(app, () => store.Current, new DashboardOptions { Funding = settings.Funding });
                app.MapPrometheusScrapingEndpoint(MetricsPath);
                app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthJson.WriteAsync });
                app.Lifetime.ApplicationStarted.Register(() =>
                {
                    var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<OperatorSide>();
                    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
                    foreach (var address in addresses)
                    {
                        logger.LogInformation("Dashboard on {Address}/ (metrics {Metrics}, health {Health})", address, MetricsPath, HealthPath);
                    }
                });
                return app;
            default:
                throw new ArgumentException($"not a builder of {nameof(CreateBuilder)}: {builder.GetType().Name}", nameof(builder));
        }
    }
}
