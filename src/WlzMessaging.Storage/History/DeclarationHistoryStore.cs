using Dapper;
using Npgsql;
using WlzMessaging.Adjudication;
using WlzMessaging.Reference;

namespace WlzMessaging.Storage.History;

/// <summary>
/// Loads, for one file, the part of a provider's history the adjudicator asks about: three set-based queries keyed by the
/// file's own reference numbers and client/prestatie pairs (arrays passed whole), so the cost follows the file, not the
/// store, and no query runs per line. Only approved lines of production files count (specs/rules.md, L07-L12).
/// </summary>
public static class DeclarationHistoryStore
{
    // (a) 0431s of this file already approved in an earlier production file of the provider (8021).
    private const string ReceivedSql = """
        SELECT referentienummer
        FROM declaration_line
        WHERE provider_agb = @agb AND approved AND production AND referentienummer = ANY(@refs)
        """;

    // (b) The debits the file's credit lines name (8017/8084), with whether an approved credit reversed them already.
    private const string CreditedDebitsSql = """
        SELECT d.referentienummer AS Referentienummer, d.bsn AS Bsn, d.prestatiecode AS Prestatiecode, d.begin_date AS BeginDate,
               d.end_date AS EndDate, d.declared_cents AS DeclaredCents,
               EXISTS (SELECT 1 FROM declaration_line c
                       WHERE c.provider_agb = d.provider_agb AND c.voorgaand_referentienummer = d.referentienummer
                         AND c.approved AND c.production AND c.debit_credit = 'C') AS Credited
        FROM declaration_line d
        WHERE d.provider_agb = @agb AND d.approved AND d.production AND d.debit_credit = 'D'
          AND d.referentienummer = ANY(@refs)
        """;

    // (c) Approved, uncredited debits of the file's client/prestatie pairs that touch the file's debit period (8067).
    private const string OverlapSql = """
        SELECT d.referentienummer AS Referentienummer, d.bsn AS Bsn, d.prestatiecode AS Prestatiecode, d.begin_date AS BeginDate,
               d.end_date AS EndDate, d.declared_cents AS DeclaredCents
        FROM declaration_line d
        JOIN unnest(@bsns, @codes) AS k(bsn, prestatiecode) ON k.bsn = d.bsn AND k.prestatiecode = d.prestatiecode
        WHERE d.provider_agb = @agb AND d.approved AND d.production AND d.debit_credit = 'D'
          AND d.end_date >= @begin AND d.begin_date <= @end
          AND NOT EXISTS (SELECT 1 FROM declaration_line c
                          WHERE c.provider_agb = d.provider_agb AND c.voorgaand_referentienummer = d.referentienummer
                            AND c.approved AND c.production AND c.debit_credit = 'C')
        """;

    public static async Task LoadAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        int agb,
        FilePrepassResult prepass,
        DeclarationHistory history,
        CancellationToken cancellationToken)
    {
        if (prepass.Referentienummers.Count > 0)
        {
            var refs = prepass.Referentienummers.Select(r => r.ToString()).ToArray();
            var received = await connection.QueryAsync<string>(new CommandDefinition(
                ReceivedSql, new { agb, refs }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var reference in received)
            {
                history.AddReceived(Referentienummer.FromText(reference));
            }
        }

        if (prepass.VoorgaandeReferentienummers.Count > 0)
        {
            var refs = prepass.VoorgaandeReferentienummers.Select(r => r.ToString()).ToArray();
            var debits = await connection.QueryAsync<DebitRow>(new CommandDefinition(
                CreditedDebitsSql, new { agb, refs }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var debit in debits)
            {
                Add(history, debit, debit.Credited);
            }
        }

        if (prepass.DebitClientPrestaties.Count > 0 && prepass.DebitPeriodBegin is { } begin && prepass.DebitPeriodEnd is { } end)
        {
            var pairs = prepass.DebitClientPrestaties;
            var bsns = pairs.Select(p => p.Bsn).ToArray();
            var codes = pairs.Select(p => p.Prestatiecode.ToString()).ToArray();
            var overlaps = await connection.QueryAsync<DebitRow>(new CommandDefinition(
                OverlapSql, new { agb, bsns, codes, begin, end }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var debit in overlaps)
            {
                Add(history, debit, credited: false);
            }
        }
    }

    private static void Add(DeclarationHistory history, DebitRow debit, bool credited) =>
        history.AddApprovedDebit(
            Referentienummer.FromText(debit.Referentienummer),
            debit.Bsn,
            PrestatieCode.Parse(debit.Prestatiecode),
            debit.BeginDate,
            debit.EndDate,
            debit.DeclaredCents,
            credited);

    // Materialised by Dapper from the aliased columns; one object per history row, not per line of the file.
    private sealed class DebitRow
    {
        public string Referentienummer { get; init; } = "";

        public int Bsn { get; init; }

        public string Prestatiecode { get; init; } = "";

        public DateOnly BeginDate { get; init; }

        public DateOnly EndDate { get; init; }

        public long DeclaredCents { get; init; }

        public bool Credited { get; init; }
    }
}
