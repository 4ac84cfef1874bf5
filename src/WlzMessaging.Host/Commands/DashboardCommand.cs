using System.Globalization;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Funding;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Operations;
using WlzMessaging.Operations.Dashboard;
using WlzMessaging.Operations.Funding;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz dashboard</c>: the read-only operators' dashboard on a local address, until Ctrl+C.</summary>
public sealed class DashboardCommand : Command
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public override string Name => "dashboard";

    public override string Summary => "Serve the read-only operators' dashboard (throughput, inbox, AW320s, retourcodes, providers) until Ctrl+C";

    public override CommandSyntax Syntax { get; } = new()
    {
        Options =
        [
            OptionSpec.Value("urls", "URLS", $"where to listen, ';' between several (default {DefaultUrls}; port 0 picks a free port)"),
            OptionSpec.Value("window", "HOURS", "per provider and per retourcode: files finished in the last HOURS (default 24)"),
            ProtocolOption.Option,
            .. StorageOptions.Options,
        ],
        Details = """
            One page that refreshes itself every 5 seconds: lines per minute over the last hour, the inbox depth (as the
            running workers report it), AW320s written, the files in work, rejections by retourcode with their meaning,
            per provider, the workers and the last nightly run. The figures come from the database; the page is read-only.
            It never shows a BSN, a client's name or a birth date.

            Listen on a local address (127.0.0.1) or behind a proxy that authenticates: the dashboard has no login. It
            answers only requests for the Host names of the URLs (127.0.0.1 also as localhost); behind a proxy or on a
            wildcard address set them in WLZ_Dashboard__AllowedHosts (';' between several).
            The worker (wlz run) serves the same page itself.
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var urls = args.Value("urls") ?? DefaultUrls;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new UsageException($"--urls: '{url}' is not an http:// address");
            }
        }

        var window = args.Int32("window", 1, 24 * 31) ?? 24;
        await using var database = await CommandStore.OpenAsync(args, loggers: null, cancellationToken);
        DashboardServer server;
        try
        {
            server = await DashboardServer.StartAsync(
                urls, database, new DashboardOptions { Window = TimeSpan.FromHours(window), Funding = ProtocolOption.Resolve(args) },
                Environment.GetEnvironmentVariable("WLZ_Dashboard__AllowedHosts"), cancellationToken);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            throw new CommandFailedException(string.Join("; ", e.Failures), e);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            throw new CommandFailedException($"cannot listen on {urls}: {e.Message}", e);
        }

        await using (server)
        {
            foreach (var address in server.Addresses)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"dashboard on {address}/ ({database.Description}); Ctrl+C stops it"));
            }

            await console.Out.FlushAsync(cancellationToken);
            await server.WaitAsync(cancellationToken);
        }

        return ExitCodes.Ok;
    }
}
