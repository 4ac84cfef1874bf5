using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WlzMessaging.Storage;

namespace WlzMessaging.Operations.Dashboard;

/// <summary>
/// The dashboard on its own Kestrel (ASP.NET Core from the shared framework, <c>WebApplication.CreateSlimBuilder</c>), as
/// <c>wlz dashboard</c> runs it, with the host filtering and security headers of <see cref="DashboardHosting"/>. The worker
/// does not need this class: <see cref="OperatorHost"/> maps <see cref="DashboardEndpoints"/> into its one web host.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, IReadOnlyList<string> addresses)
    {
        _app = app;
        Addresses = addresses;
    }

    /// <summary>The addresses Kestrel listens on (a port 0 in the URL replaced by the port it got).</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>
    /// Starts listening on <paramref name="urls"/> (separated by ';'), e.g. <c>http://127.0.0.1:5080</c>, answering the Host
    /// names <paramref name="allowedHosts"/> (';' between several; null: those of the URLs, see
    /// <see cref="DashboardHostOptions.AllowedHosts"/>).
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The URLs or hosts are not valid.</exception>
    public static async Task<DashboardServer> StartAsync(
        string urls, Store store, DashboardOptions? options = null, string? allowedHosts = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(urls);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = "wlz" });
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // A failure to start (the address in use) is reported by the caller in one line; the host would log it with its stack.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddDashboardHosting(o =>
        {
            o.Urls = urls;
            o.AllowedHosts = allowedHosts;
        });
        var app = builder.Build();
        app.UseDashboardHosting();
        DashboardEndpoints.Map(app, store, options);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        return new DashboardServer(app, addresses);
    }

    /// <summary>
    /// Returns when <paramref name="cancellationToken"/> is cancelled (Ctrl+C) or the host is told to stop (SIGTERM, which
    /// the host's console lifetime turns into a stop).
    /// </summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (either.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
