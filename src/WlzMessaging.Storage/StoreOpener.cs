namespace WlzMessaging.Storage;

/// <summary>
/// Opens the <see cref="Store"/> a long-running part (the mailbox worker, the operator side of <c>wlz run</c>) works against,
/// again after the database went away. The executable decides what it opens (embedded or external), so Ingestion and
/// Operations never choose a server.
/// </summary>
public delegate Task<Store> StoreOpener(CancellationToken cancellationToken);
