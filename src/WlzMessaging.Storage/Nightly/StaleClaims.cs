using Npgsql;
using WlzMessaging.Storage.Files;
using WlzMessaging.Storage.Funding;

namespace WlzMessaging.Storage.Nightly;

/// <summary>What <see cref="StaleClaims.ReleaseAsync"/> found.</summary>
/// <param name="Released">Claims of files nobody holds, removed so their input can be processed again.</param>
/// <param name="HeldByLiveWorker">Claims whose file's advisory lock a live worker holds: left to it.</param>
/// <param name="NeedOperator">Claims with lines or an AW320 stored: not removed; an operator must look (never expected).</param>
public sealed record StaleClaimResult(int Released, int HeldByLiveWorker, int NeedOperator);

/// <summary>
/// vektis_file rows left in status 'claimed'. The pipeline writes that status only inside a file's transaction, so a
/// committed claimed row comes from outside it (an older build, a hand-made repair): it stands in the way of its content
/// being processed again (vektis_file.sha256 is unique). A worker that has the file in hand holds its advisory lock
/// (<see cref="VektisFileRepository.TryLockAsync"/>), a dead one does not (the lock died with its connection): a claim whose
/// lock can be taken belongs to nobody alive and, holding neither lines nor an AW320, is removed under that lock.
/// </summary>
public static class StaleClaims
{
    private const string ClaimedSql = "SELECT id, sha256 FROM vektis_file WHERE status = 'claimed' ORDER BY id";

    private const string ReleaseSql = """
        DELETE FROM vektis_file f
        WHERE f.id = @id AND f.status = 'claimed'
          AND NOT EXISTS (SELECT 1 FROM aw320 a WHERE a.file_id = f.id)
          AND NOT EXISTS (SELECT 1 FROM declaration_line l WHERE l.file_id = f.id)
        """;

    public static Task<StaleClaimResult> ReleaseAsync(Store store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return ReleaseAsync(store.DataSource, cancellationToken);
    }

    public static async Task<StaleClaimResult> ReleaseAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var claims = await FundingDb.Command(connection, null, ClaimedSql)
                .ReadAsync(r => (Id: r.GetInt64(0), Sha256: r.GetFieldValue<byte[]>(1)), cancellationToken).ConfigureAwait(false);
            int released = 0, held = 0, needOperator = 0;
            foreach (var claim in claims)
            {
                if (!await VektisFileRepository.TryLockAsync(connection, claim.Sha256, cancellationToken).ConfigureAwait(false))
                {
                    held++;
                    continue;
                }

                try
                {
                    var removed = await FundingDb.Command(connection, null, ReleaseSql).With("id", claim.Id)
                        .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    if (removed == 1)
                    {
                        released++;
                    }
                    else
                    {
                        needOperator++;
                    }
                }
                finally
                {
                    await VektisFileRepository.UnlockAsync(connection, claim.Sha256, CancellationToken.None).ConfigureAwait(false);
                }
            }

            return new StaleClaimResult(released, held, needOperator);
        }
    }
}
