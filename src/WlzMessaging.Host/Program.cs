using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;

// wlz <command> [args]: see CliApp for the dispatch and Commands/ for the commands, one class each.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var console = CliConsole.ForProcess();
try
{
    return await CliApp.RunDefaultAsync(args, console, cancellation.Token);
}
finally
{
    try
    {
        await console.Out.FlushAsync(CancellationToken.None);
    }
    catch (IOException)
    {
        // Standard output was closed (e.g. piped into head): nothing more to say.
    }
}
