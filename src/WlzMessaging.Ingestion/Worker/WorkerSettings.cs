using System.Globalization;
using Microsoft.Extensions.Configuration;
using WlzMessaging.Funding;
using WlzMessaging.Ingestion.Configuration;
using WlzMessaging.Ingestion.Funding;

namespace WlzMessaging.Ingestion.Worker;

/// <summary>
/// The worker's options, read from configuration (appsettings.json, then <c>WLZ_</c> environment variables, then the
/// command line) and checked before the worker starts: every problem is named with the key that fixes it.
/// </summary>
public sealed class WorkerSettings
{
    /// <summary>This zorgkantoor's UZOVI code (<c>Uzovi</c>, env <c>WLZ_UZOVI</c>); a file addressed to another gets 0018.</summary>
    public required int Uzovi { get; init; }

    /// <summary><c>Mailbox:Inbox</c>: where VECOZO's client drops AW319 files.</summary>
    public required string Inbox { get; init; }

    /// <summary><c>Mailbox:Outbox</c>: where the AW320s appear (written under a hidden name, renamed when stored).</summary>
    public required string Outbox { get; init; }

    /// <summary><c>Mailbox:Archive</c>: answered inputs, and a copy of each AW320.</summary>
    public required string Archive { get; init; }

    /// <summary><c>Mailbox:Quarantine</c>: inputs that are no Vektis declaration (or cannot be stored), each with a reason file.</summary>
    public required string Quarantine { get; init; }

    /// <summary><c>Worker:PollIntervalSeconds</c> (default 10): the rescan that backs up the file system watcher.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>Worker:StableSeconds</c> (default 2): a file is taken once it has not changed (size and modification time) for this
    /// long. 0 takes a file as soon as it is seen: for a mailbox client that renames complete files into the inbox.
    /// </summary>
    public TimeSpan StableFor { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><c>Worker:MaxRetrySeconds</c> (default 60): the longest wait between attempts to reach the database.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// <c>Worker:StopGraceSeconds</c> (default 20): on SIGTERM the files in hand may finish within this time; after it, its
    /// transaction is rolled back and the file stays in the inbox.
    /// </summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The last day files with lines of a declaration year are accepted (8288): each year's from its advance protocol
    /// (<c>Funding:Protocols</c>, default the built-in VGZ 2024: 25 March of the next year), where <c>Cutoffs:YYYY</c> =
    /// <c>YYYY-MM-DD</c> does not override it for one year. Read by the adjudicator.
    /// </summary>
    public IReadOnlyDictionary<int, DateOnly> Cutoffs { get; init; } = new Dictionary<int, DateOnly>();

    /// <summary>
    /// The advance protocols (<c>Funding:Protocols</c>, or <c>--protocols</c>; those covering <see cref="Uzovi"/>): the
    /// dashboard's forecast computes with them, as <c>wlz dashboard --protocols</c> does.
    /// </summary>
    public FundingSettings Funding { get; init; } = FundingSettings.Default;

    /// <summary>
    /// <c>Worker:FilesAtOnce</c> (default 2, 1 to 8): how many files the worker has in hand at once. Each is read, adjudicated
    /// and stored on its own connection; files of one provider still go one after the other, in inbox order
    /// (<see cref="Processing.ProviderTurns"/>). Two keep both cores busy: one file's COPY runs in the server while the other
    /// is read and adjudicated. Each file in hand holds its first pass's state (about 40 bytes a line) and its history.
    /// </summary>
    public int FilesAtOnce { get; init; } = 2;

    /// <summary><c>Worker:HeartbeatSeconds</c> (default 10): how often the worker's row in worker_status is refreshed beside its writes at each file.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>Nightly:Enabled</c> (default true): the worker runs the nightly reprocessing itself, at <see cref="NightlyAt"/>.
    /// </summary>
    public bool NightlyEnabled { get; init; } = true;

    /// <summary><c>Nightly:At</c> (default 02:00): the time of day, Europe/Amsterdam, the nightly job runs for the day before.</summary>
    public TimeOnly NightlyAt { get; init; } = new(2, 0);

    /// <summary>
    /// <c>Dashboard:Urls</c> (default <c>http://127.0.0.1:5080</c>, ';' between several): where the worker serves the operators'
    /// dashboard; null when <c>Dashboard:Enabled</c> is false.
    /// </summary>
    public string? DashboardUrls { get; init; } = DefaultDashboardUrls;

    public const string DefaultDashboardUrls = "http://127.0.0.1:5080";

    public DateOnly CutoffFor(int year) => Cutoffs.TryGetValue(year, out var cutoff) ? cutoff : new DateOnly(year + 1, 3, 25);

    /// <summary>Reads and checks the settings.</summary>
    /// <exception cref="WorkerConfigurationException">One or more problems, each with the key (and env variable) to set.</exception>
    public static WorkerSettings Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();

        var uzoviText = configuration["Uzovi"];
        var uzovi = 0;
        if (string.IsNullOrWhiteSpace(uzoviText))
        {
            problems.Add("Uzovi is not set: this zorgkantoor's UZOVI code (env WLZ_UZOVI, or --uzovi)");
        }
        else if (!WlzConfiguration.TryParseUzovi(uzoviText.Trim(), out uzovi))
        {
            problems.Add($"Uzovi '{uzoviText}' is not a UZOVI code (1-9999)");
        }

        string Directory(string name)
        {
            var value = configuration[$"Mailbox:{name}"];
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"Mailbox:{name} is not set (env WLZ_Mailbox__{name}, or --{name.ToLowerInvariant()})");
                return "";
            }

            try
            {
                return Path.GetFullPath(value);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                problems.Add($"Mailbox:{name} '{value}' is not a valid path: {e.Message}");
                return "";
            }
        }

        var inbox = Directory("Inbox");
        var outbox = Directory("Outbox");
        var archive = Directory("Archive");
        var quarantine = Directory("Quarantine");
        var named = new[] { ("Inbox", inbox), ("Outbox", outbox), ("Archive", archive), ("Quarantine", quarantine) }.Where(d => d.Item2.Length > 0).ToList();
        foreach (var group in named.GroupBy(d => d.Item2.TrimEnd(Path.DirectorySeparatorChar), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"Mailbox:{string.Join(" and Mailbox:", group.Select(d => d.Item1))} are one directory ({group.Key}); each needs its own");
        }

        TimeSpan Seconds(string key, double fallback, double min, double max)
        {
            var text = configuration[$"Worker:{key}"];
            if (string.IsNullOrWhiteSpace(text))
            {
                return TimeSpan.FromSeconds(fallback);
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                problems.Add($"Worker:{key} '{text}' is not a number of seconds from {min} to {max}");
                return TimeSpan.FromSeconds(fallback);
            }

            return TimeSpan.FromSeconds(value);
        }

        var poll = Seconds("PollIntervalSeconds", 10, 0.1, 3600);
        var stable = Seconds("StableSeconds", 2, 0, 3600);
        var retry = Seconds("MaxRetrySeconds", 60, 1, 3600);
        var grace = Seconds("StopGraceSeconds", 20, 0, 3600);
        var heartbeat = Seconds("HeartbeatSeconds", 10, 1, 3600);

        var filesAtOnceText = configuration["Worker:FilesAtOnce"];
        var filesAtOnce = 2;
        if (!string.IsNullOrWhiteSpace(filesAtOnceText)
            && (!int.TryParse(filesAtOnceText, NumberStyles.None, CultureInfo.InvariantCulture, out filesAtOnce) || filesAtOnce is < 1 or > 8))
        {
            problems.Add($"Worker:FilesAtOnce '{filesAtOnceText}' is not a number of files from 1 to 8");
            filesAtOnce = 2;
        }

        bool Flag(string key, bool fallback)
        {
            var text = configuration[key];
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            if (!bool.TryParse(text.Trim(), out var value))
            {
                problems.Add($"{key} '{text}' is not true or false");
                return fallback;
            }

            return value;
        }

        var nightlyEnabled = Flag("Nightly:Enabled", true);
        var nightlyAt = new TimeOnly(2, 0);
        if (configuration["Nightly:At"] is { } atText && !string.IsNullOrWhiteSpace(atText)
            && !TimeOnly.TryParseExact(atText.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out nightlyAt))
        {
            problems.Add($"Nightly:At '{atText}' is not a time of day HH:mm (Europe/Amsterdam)");
        }

        string? dashboardUrls = null;
        if (Flag("Dashboard:Enabled", true))
        {
            var urlsText = configuration["Dashboard:Urls"];
            dashboardUrls = string.IsNullOrWhiteSpace(urlsText) ? DefaultDashboardUrls : urlsText.Trim();
            foreach (var url in dashboardUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
                {
                    problems.Add($"Dashboard:Urls: '{url}' is not an http:// address");
                }
            }
        }

        var cutoffs = new Dictionary<int, DateOnly>();
        foreach (var child in configuration.GetSection("Cutoffs").GetChildren())
        {
            if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
            {
                problems.Add($"Cutoffs:{child.Key}: the key is not a declaration year 2000-2100");
            }
            else if (!DateOnly.TryParseExact(child.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add($"Cutoffs:{child.Key} '{child.Value}' is not a date YYYY-MM-DD");
            }
            else if (date.Year < year)
            {
                problems.Add($"Cutoffs:{child.Key} {date:yyyy-MM-dd} lies before the year it closes");
            }
            else
            {
                cutoffs[year] = date;
            }
        }

        // The cutoff of every year comes from its advance protocol; Cutoffs:YYYY only overrides one year.
        var protocols = FundingSettings.Default;
        try
        {
            protocols = ProtocolFiles.Load(configuration[ProtocolFiles.SettingKey], uzovi == 0 ? null : uzovi);
        }
        catch (ProtocolFileException e)
        {
            problems.AddRange(e.Errors.Select(error => $"{ProtocolFiles.SettingKey}: {error}"));
        }

        if (problems.Count > 0)
        {
            throw new WorkerConfigurationException(problems);
        }

        return new WorkerSettings
        {
            Uzovi = uzovi,
            Inbox = inbox,
            Outbox = outbox,
            Archive = archive,
            Quarantine = quarantine,
            PollInterval = poll,
            StableFor = stable,
            MaxRetryDelay = retry,
            StopGrace = grace,
            FilesAtOnce = filesAtOnce,
            HeartbeatInterval = heartbeat,
            NightlyEnabled = nightlyEnabled,
            NightlyAt = nightlyAt,
            DashboardUrls = dashboardUrls,
            Cutoffs = ProtocolFiles.Cutoffs(protocols, cutoffs),
            Funding = protocols,
        };
    }
}

/// <summary>The worker's configuration has problems; <see cref="Exception.Message"/> names them all on one line.</summary>
public sealed class WorkerConfigurationException : Exception
{
    public WorkerConfigurationException(IReadOnlyList<string> problems)
        : base("configuration: " + string.Join("; ", problems)) =>
        Problems = problems;

    public WorkerConfigurationException()
        : this([])
    {
    }

    public WorkerConfigurationException(string message)
        : base(message) =>
        Problems = [message];

    public WorkerConfigurationException(string message, Exception innerException)
        : base(message, innerException) =>
        Problems = [message];

    public IReadOnlyList<string> Problems { get; } = [];
}
