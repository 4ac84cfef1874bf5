using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Configuration;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Ingestion.Worker;
using WlzMessaging.Operations;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Embedded;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz run</c>: the mailbox worker, as a Generic Host with one BackgroundService.</summary>
public sealed class RunCommand : Command
{
    public override string Name => "run";

    public override string Summary => "Run the mailbox worker: AW319s answered, stored and archived; dashboard, heartbeat, metrics, nightly job";

    public override CommandSyntax Syntax { get; } = new()
    {
        Options =
        [
            OptionSpec.Flag("once", "process what the inbox holds (once it is complete), then stop"),
            OptionSpec.Value("uzovi", "NNNN", "this zorgkantoor's UZOVI code (Uzovi, env WLZ_UZOVI)"),
            OptionSpec.Value("inbox", "DIR", "Mailbox:Inbox (env WLZ_Mailbox__Inbox)"),
            OptionSpec.Value("outbox", "DIR", "Mailbox:Outbox (env WLZ_Mailbox__Outbox)"),
            OptionSpec.Value("archive", "DIR", "Mailbox:Archive (env WLZ_Mailbox__Archive)"),
            OptionSpec.Value("quarantine", "DIR", "Mailbox:Quarantine (env WLZ_Mailbox__Quarantine)"),
            OptionSpec.Value("protocols", "DIR", "Funding:Protocols (env WLZ_Funding__Protocols): the advance protocols for 8288 and the dashboard's forecast"),
            OptionSpec.Value("config", "FILE", "read this settings file instead of the appsettings.json beside the program"),
            .. StorageOptions.Options,
        ],
        Details = """
            Configuration: appsettings.json beside the program (or --config FILE), then environment variables with the prefix
            WLZ_ (WLZ_UZOVI, WLZ_Mailbox__Inbox, WLZ_Worker__PollIntervalSeconds, ...), then these options. Checked at start:
            every problem is named with the setting that fixes it, and the worker does not start.

            Files: every file in the inbox is taken once it has not changed for Worker:StableSeconds (default 2); names
            starting with '.' or ending in .part, .partial, .tmp or .filepart are never taken (write there, then rename).
            Each is answered in the outbox (written under a hidden name, renamed after its lines are committed), then moved
            to the archive with a copy of its AW320; a file that is no Vektis AW319 goes to quarantine with NAME.reason.txt.

            Beside the files: one web host on Dashboard:Urls (default http://127.0.0.1:5080; Dashboard:Enabled false turns
            it off) serving the operators' dashboard, /metrics (Prometheus) and /healthz, answering only the Host names of
            Dashboard:AllowedHosts (default: those of the URLs); the worker's row in worker_status for wlz status (every
            Worker:HeartbeatSeconds and at every change); the WlzMessaging meter (dotnet-counters monitor --counters
            WlzMessaging -p PID); and the nightly job (as
            wlz nightly) every day at Nightly:At (default 02:00, Europe/Amsterdam) for the day before, and at start for
            the latest day due unless it ran (Nightly:Enabled false turns it off). With --once: the heartbeat only.

            The database may be down at start or go away: the inbox is left alone and the worker retries with backoff.
            SIGTERM or Ctrl+C: the files in hand (Worker:FilesAtOnce, default 2) finish within Worker:StopGraceSeconds or are
            rolled back. Several workers may share one inbox and one database: each file is processed once.

            Exit 0 after a graceful stop; 1 when the configuration is wrong or the worker could not go on (with --once, also
            when a file had to be set aside).
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>();
        void Override(string option, string key)
        {
            if (args.Value(option) is { } value)
            {
                overrides[key] = value;
            }
        }

        Override("uzovi", "Uzovi");
        Override("inbox", "Mailbox:Inbox");
        Override("outbox", "Mailbox:Outbox");
        Override("archive", "Mailbox:Archive");
        Override("quarantine", "Mailbox:Quarantine");
        Override("protocols", "Funding:Protocols");

        var settingsFile = args.Value("config") is { } file ? Path.GetFullPath(file) : null;
        if (settingsFile is not null && !File.Exists(settingsFile))
        {
            throw new CommandFailedException($"--config: {args.Value("config")}: no such file");
        }

        IConfigurationRoot configuration;
        WorkerSettings settings;
        try
        {
            configuration = WlzConfiguration.Build(overrides, settingsFile);
            settings = WorkerSettings.Load(configuration);
        }
        catch (WorkerConfigurationException e)
        {
            throw new CommandFailedException(e.Message, e);
        }
        catch (InvalidDataException e)
        {
            throw new CommandFailedException($"configuration: {e.Message}", e);
        }

        MailboxDirectories.Prepare(settings);
        var location = StorageOptions.Resolve(args);
        if (!location.Exists)
        {
            // The worker's first start on a data directory creates the store (as wlz init would): say where.
            await console.Error.WriteLineAsync($"wlz run: no store yet, creating one: {location.Description}");
        }

        var once = args.Has("once");
        var result = new WorkerResult();
        var serve = !once && settings.DashboardUrls is not null;
        IHost host;
        try
        {
            host = BuildHost(serve ? settings.DashboardUrls : null, configuration, settings, location, once, result);
            await host.StartAsync(cancellationToken);
        }
        catch (IOException e) when (serve)
        {
            // The dashboard is for watching; a port in use must not keep the worker from its files: the same host again
            // without the web part (dashboard, /metrics, /healthz).
            var oneLine = string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            await console.Error.WriteLineAsync($"wlz run: dashboard, /metrics and /healthz not served: cannot listen on {settings.DashboardUrls}: {oneLine}");
            host = BuildHost(null, configuration, settings, location, once, result);
            await host.StartAsync(cancellationToken);
        }
        catch (OptionsValidationException e)
        {
            throw new CommandFailedException($"configuration: {string.Join("; ", e.Failures)}", e);
        }

        using (host)
        {
            await host.WaitForShutdownAsync(cancellationToken);
        }

        if (result.Fatal is { } fatal)
        {
            throw new CommandFailedException(fatal);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Cancelled;
        }

        return once && result.Failed > 0 ? ExitCodes.Failure : ExitCodes.Ok;
    }

    /// <summary>The one host of the worker (<see cref="OperatorHost"/>): with Kestrel on <paramref name="urls"/>, or without.</summary>
    private static IHost BuildHost(string? urls, IConfigurationRoot configuration, WorkerSettings settings, StoreLocation location, bool once, WorkerResult result)
    {
        var builder = OperatorHost.CreateBuilder(urls);
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        if (string.Equals(configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffzzz");
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff ";
            });
        }

        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.StopGrace + TimeSpan.FromSeconds(15));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(services => new WorkerRunOptions(once, location.Opener(services.GetRequiredService<ILoggerFactory>())));
        builder.Services.AddSingleton<IFileAnswering>(new AdjudicatingAnswering(new WlzMessaging.Adjudication.AdjudicationSettings(settings.Cutoffs)));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(result);
        OperatorHost.AddWorker(builder, settings, TimeProvider.System);
        return OperatorHost.Build(builder, settings);
    }
}
