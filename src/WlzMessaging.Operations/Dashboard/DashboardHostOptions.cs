using Microsoft.Extensions.Options;

namespace WlzMessaging.Operations.Dashboard;

/// <summary>
/// Where the operators' web host listens and which Host names it answers (the <c>Dashboard</c> section: <c>Urls</c>,
/// <c>AllowedHosts</c>). Bound with the Options pattern and checked when the host starts (<see cref="Validator"/>,
/// ValidateOnStart): a wrong value stops <c>wlz run</c> with one line before anything listens.
/// </summary>
public sealed class DashboardHostOptions
{
    public const string Section = "Dashboard";

    /// <summary>Where to listen, ';' between several (default <c>http://127.0.0.1:5080</c>; port 0 a free port).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// The Host names requests may carry, ';' between several (e.g. <c>wlz.zorgkantoor.local;localhost</c>; <c>*.example.org</c>
    /// for the subdomains). Empty: the hosts of <see cref="Urls"/>, with <c>localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c>
    /// for a loopback address. A request with another Host (a DNS-rebinding page in an operator's browser) gets 400.
    /// </summary>
    public string? AllowedHosts { get; set; }

    /// <summary>The Host names answered: <see cref="AllowedHosts"/>, or those the URLs give.</summary>
    public IReadOnlyList<string> EffectiveAllowedHosts()
    {
        var configured = Split(AllowedHosts);
        return configured.Count > 0 ? configured : HostsOf(Urls);
    }

    /// <summary>The Host names a browser uses for <paramref name="urls"/>; a wildcard address (0.0.0.0, [::], *, +) gives none.</summary>
    public static IReadOnlyList<string> HostsOf(string urls)
    {
        var hosts = new List<string>();
        foreach (var url in Split(urls))
        {
            var host = url.Contains("://*", StringComparison.Ordinal) || url.Contains("://+", StringComparison.Ordinal)
                ? "*"
                : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null;
            switch (host)
            {
                case null or "*" or "0.0.0.0" or "[::]":
                    break;
                case "localhost" or "127.0.0.1" or "[::1]":
                    hosts.AddRange(["localhost", "127.0.0.1", "[::1]"]);
                    break;
                default:
                    hosts.Add(host);
                    break;
            }
        }

        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static List<string> Split(string? text) =>
        (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>The checks made at start.</summary>
    public sealed class Validator : IValidateOptions<DashboardHostOptions>
    {
        public ValidateOptionsResult Validate(string? name, DashboardHostOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            var problems = new List<string>();
            foreach (var url in Split(options.Urls))
            {
                if (!url.StartsWith("http://", StringComparison.Ordinal))
                {
                    problems.Add($"Dashboard:Urls: '{url}' is not an http:// address");
                }
            }

            foreach (var host in Split(options.AllowedHosts))
            {
                if (host.Contains('/', StringComparison.Ordinal) || host.Contains(' ', StringComparison.Ordinal)
                    || (host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[')))
                {
                    problems.Add($"Dashboard:AllowedHosts: '{host}' is not a host name (no scheme, port or path)");
                }
            }

            if (problems.Count == 0 && options.EffectiveAllowedHosts().Count == 0)
            {
                problems.Add($"Dashboard:AllowedHosts is not set and Dashboard:Urls ({options.Urls}) names no host: set the names the dashboard is reached by");
            }

            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
