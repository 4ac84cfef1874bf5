using System.Net.Sockets;

namespace WlzMessaging.Storage;

/// <summary>Whether a <see cref="Store"/>'s database answers now: one round trip, for <c>/healthz</c>.</summary>
public static class StoreProbe
{
    /// <summary>Null when <c>SELECT 1</c> came back within <paramref name="timeout"/>; otherwise why not, in one line.</summary>
    public static async Task<string?> ProblemAsync(Store store, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await using var command = store.DataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(limit.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {timeout.TotalSeconds:0.#} s";
        }
        catch (Exception e) when (StorageFailures.IsDatabaseError(e) || e is SocketException or TimeoutException or InvalidOperationException)
        {
            return string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }
}
