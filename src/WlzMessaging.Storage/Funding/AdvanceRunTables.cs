using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using WlzMessaging.Funding;
using AgbCode = WlzMessaging.Reference.AgbCode;
using MndpRow = WlzMessaging.Reference.MndpRow;
using PrestatieCode = WlzMessaging.Reference.PrestatieCode;
using Regime = WlzMessaging.Reference.Regime;

namespace WlzMessaging.Storage.Funding;

/// <summary>
/// The SQL of the advance runs (tables of migrations 0003 and 0015) and the mapping of their rows, on the connection and
/// transaction (if any) of one call of <see cref="AdvanceRunStore"/>: no rule is decided here. Each part table is written with one
/// <c>INSERT … SELECT … FROM unnest(@a, @b, …)</c>; a draft's parts go with it when its advance_run row is deleted (cascade).
/// </summary>
internal sealed class AdvanceRunTables(NpgsqlConnection connection, NpgsqlTransaction? transaction)
{
    /// <summary>Every run's header, oldest first.</summary>
    public Task<List<AdvanceRunHeader>> ReadHeadersAsync(CancellationToken cancellationToken) =>
        Command("""
                SELECT run_date, status, computed_at, history_through, unknown_agbs, approved_by, approved_at,
                       ARRAY(SELECT p.year::text || E'\t' || p.label || E'\t' || p.sha256
                             FROM advance_run_protocol p WHERE p.run_date = r.run_date ORDER BY p.year)
                FROM advance_run r
                ORDER BY run_date
                """)
            .ReadAsync(
                r => new AdvanceRunHeader(
                    r.GetFieldValue<DateOnly>(0),
                    r.GetString(1) == "approved" ? AdvanceRunStatus.Approved : AdvanceRunStatus.Draft,
                    r.GetFieldValue<DateTimeOffset>(2),
                    r.GetDateOrNull(3),
                    r.GetFieldValue<int[]>(4),
                    r.GetStringOrNull(5),
                    r.GetTimeOrNull(6),
                    r.GetFieldValue<string[]>(7).Select(ParseProtocolUse).ToArray()),
                cancellationToken);

    /// <summary>The whole run of <paramref name="header"/>: every provider's parts and the MNDP rows it rejected.</summary>
    public async Task<StoredAdvanceRun> ReadRunAsync(AdvanceRunHeader header, CancellationToken cancellationToken)
    {
        var providers = await ReadProviderRunsAsync("run_date = @run_date", [header], cancellationToken, ("run_date", header.RunDate))
            .ConfigureAwait(false);
        var rejected = await Command("""
                SELECT agb, jaar, maand, prestatiecode, aantal, tarief_cent, ingediend_op, reason, explanation
                FROM advance_mndp_rejection
                WHERE run_date = @run_date
                ORDER BY agb, jaar, maand, prestatiecode, ingediend_op
                """)
            .With("run_date", header.RunDate)
            .ReadAsync(
                r => new RejectedMndpRow(
                    new MndpRow(
                        r.GetInt32(0),
                        r.GetInt16(1),
                        r.GetInt16(2),
                        PrestatieCode.Parse(r.GetString(3)),
                        r.GetInt32(4),
                        r.GetInt64(5),
                        r.GetFieldValue<DateOnly>(6)),
                    MndpReasons.Parse(r.GetString(7)),
                    r.GetString(8)),
                cancellationToken).ConfigureAwait(false);

        return new StoredAdvanceRun
        {
            Run = new FundingRun(header.RunDate, providers, header.UnknownAgbs.Select(AgbCode.ToText).ToArray()) { Protocols = header.Protocols },
            Status = header.Status,
            ComputedAt = header.ComputedAt,
            HistoryThrough = header.HistoryThrough,
            ApprovedBy = header.ApprovedBy,
            ApprovedAt = header.ApprovedAt,
            RejectedMndp = rejected,
        };
    }

    /// <summary>
    /// The provider runs that match <paramref name="filter"/> (a condition on run_date and agb, which every part table has),
    /// limited to the runs of <paramref name="headers"/>, by run date and AGB code.
    /// </summary>
    public async Task<IReadOnlyList<ProviderRun>> ReadProviderRunsAsync(
        string filter,
        IReadOnlyCollection<AdvanceRunHeader> headers,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        NpgsqlCommand Filtered(string sql)
        {
            var command = Command(sql);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.Add(value switch
                {
                    DateOnly date => new NpgsqlParameter<DateOnly>(name, date),
                    int number => new NpgsqlParameter<int>(name, number),
                    _ => throw new ArgumentException($"parameter {name} has an unexpected type", nameof(parameters)),
                });
            }

            return command;
        }

        var runDates = headers.Select(h => h.RunDate).ToHashSet();
        var payments = (await Filtered($"SELECT run_date, agb, payment_cents FROM advance_provider WHERE {filter} ORDER BY run_date, agb")
                .ReadAsync(r => (RunDate: r.GetFieldValue<DateOnly>(0), Agb: r.GetInt32(1), Payment: r.GetInt64(2)), cancellationToken)
                .ConfigureAwait(false))
            .Where(p => runDates.Contains(p.RunDate))
            .ToArray();

        var items = (await Filtered($"""
                    SELECT run_date, agb, kind, year, amount_cents, adjusts FROM advance_item WHERE {filter}
                    ORDER BY run_date, agb, position
                    """)
                .ReadAsync(
                    r => (Key: (r.GetFieldValue<DateOnly>(0), r.GetInt32(1)),
                        Item: new FundingItem(
                            ItemKinds.Parse(r.GetString(2)),
                            r.GetInt16(3),
                            r.GetInt64(4),
                            r.IsDBNull(5) ? null : ItemKinds.Parse(r.GetString(5)))),
                    cancellationToken)
                .ConfigureAwait(false))
            .ToLookup(x => x.Key, x => x.Item);

        var production = (await Filtered($"""
                    SELECT run_date, agb, year, jaarafspraak_cents, elapsed_months,
                           non_exempt_lines_cents, non_exempt_mndp_cents, non_exempt_tariff_cents,
                           exempt_lines_cents, exempt_mndp_cents, exempt_tariff_cents, paid_before_cents
                    FROM advance_production WHERE {filter}
                    ORDER BY run_date, agb, year
                    """)
                .ReadAsync(
                    r => (Key: (r.GetFieldValue<DateOnly>(0), r.GetInt32(1)),
                        Figures: new ProductionFigures
                        {
                            Year = r.GetInt16(2),
                            JaarafspraakCents = r.GetInt64(3),
                            ElapsedMonths = r.GetInt16(4),
                            NonExempt = new ProductionBreakdown(r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)),
                            Exempt = new ProductionBreakdown(r.GetInt64(8), r.GetInt64(9), r.GetInt64(10)),
                            PaidBeforeCents = r.GetInt64(11),
                        }),
                    cancellationToken)
                .ConfigureAwait(false))
            .ToLookup(x => x.Key, x => x.Figures);

        var recoveries = (await Filtered($"""
                    SELECT run_date, agb, year, open_before_cents, carried_forward_cents FROM advance_recovery WHERE {filter}
                    ORDER BY run_date, agb, year
                    """)
                .ReadAsync(
                    r => (Key: (r.GetFieldValue<DateOnly>(0), r.GetInt32(1)), Year: (int)r.GetInt16(2), Before: r.GetInt64(3),
                        After: r.GetInt64(4)),
                    cancellationToken)
                .ConfigureAwait(false))
            .ToLookup(x => x.Key);

        return payments
            .Select(p =>
            {
                var key = (p.RunDate, p.Agb);
                return new ProviderRun
                {
                    Agb = AgbCode.ToText(p.Agb),
                    RunDate = p.RunDate,
                    Items = items[key].ToArray(),
                    Production = production[key].ToArray(),
                    RecoveriesOpenBefore = recoveries[key].Where(r => r.Before != 0).Select(r => new RecoveryBalance(r.Year, r.Before)).ToArray(),
                    RecoveriesCarriedForward = recoveries[key].Where(r => r.After != 0).Select(r => new RecoveryBalance(r.Year, r.After)).ToArray(),
                    PaymentCents = p.Payment,
                };
            })
            .ToArray();
    }

    public Task<int> InsertProvidersAsync(
        DateOnly runDate,
        IReadOnlyList<ProviderRun> runs,
        Dictionary<string, Provider> providers,
        CancellationToken cancellationToken) =>
        Command("""
                INSERT INTO advance_provider (run_date, agb, regime, crisisafspraak, payment_cents)
                SELECT @run_date, u.agb, u.regime, u.crisisafspraak, u.payment_cents
                FROM unnest(@agb, @regime, @crisisafspraak, @payment_cents) AS u(agb, regime, crisisafspraak, payment_cents)
                """)
            .With("run_date", runDate)
            .With("agb", runs.Select(r => AgbCode.ToInt(r.Agb)).ToArray())
            .With("regime", runs.Select(r => providers[r.Agb].Regime == Regime.Werkvoorschot ? "werkvoorschot" : "achteraf").ToArray())
            .With("crisisafspraak", runs.Select(r => providers[r.Agb].Crisisafspraak).ToArray())
            .With("payment_cents", runs.Select(r => r.PaymentCents).ToArray())
            .ExecuteAsync(cancellationToken);

    public Task<int> InsertItemsAsync(
        DateOnly runDate,
        IEnumerable<ProviderRun> runs,
        CancellationToken cancellationToken)
    {
        var rows = runs.SelectMany(r => r.Items.Select((item, position) => (r.Agb, Position: (short)position, Item: item))).ToArray();
        return Command("""
                INSERT INTO advance_item (run_date, agb, position, year, kind, adjusts, amount_cents)
                SELECT @run_date, u.agb, u.position, u.year, u.kind, u.adjusts, u.amount_cents
                FROM unnest(@agb, @position, @year, @kind, @adjusts, @amount_cents)
                    AS u(agb, position, year, kind, adjusts, amount_cents)
                """)
            .With("run_date", runDate)
            .With("agb", rows.Select(r => AgbCode.ToInt(r.Agb)).ToArray())
            .With("position", rows.Select(r => r.Position).ToArray())
            .With("year", rows.Select(r => (short)r.Item.Year).ToArray())
            .With("kind", rows.Select(r => ItemKinds.Code(r.Item.Kind)).ToArray())
            .With("adjusts", rows.Select(r => r.Item.Adjusts is { } a ? ItemKinds.Code(a) : null).ToArray())
            .With("amount_cents", rows.Select(r => r.Item.AmountCents).ToArray())
            .ExecuteAsync(cancellationToken);
    }

    public Task<int> InsertProductionAsync(
        DateOnly runDate,
        IEnumerable<ProviderRun> runs,
        CancellationToken cancellationToken)
    {
        var rows = runs.SelectMany(r => r.Production.Select(f => (r.Agb, Figures: f))).ToArray();
        return Command("""
                INSERT INTO advance_production
                    (run_date, agb, year, jaarafspraak_cents, elapsed_months, non_exempt_lines_cents, non_exempt_mndp_cents,
                     non_exempt_tariff_cents, exempt_lines_cents, exempt_mndp_cents, exempt_tariff_cents, paid_before_cents)
                SELECT @run_date, u.*
                FROM unnest(@agb, @year, @j, @e, @nl, @nm, @nt, @xl, @xm, @xt, @paid)
                    AS u(agb, year, j, e, nl, nm, nt, xl, xm, xt, paid)
                """)
            .With("run_date", runDate)
            .With("agb", rows.Select(r => AgbCode.ToInt(r.Agb)).ToArray())
            .With("year", rows.Select(r => (short)r.Figures.Year).ToArray())
            .With("j", rows.Select(r => r.Figures.JaarafspraakCents).ToArray())
            .With("e", rows.Select(r => (short)r.Figures.ElapsedMonths).ToArray())
            .With("nl", rows.Select(r => r.Figures.NonExempt.LinesCents).ToArray())
            .With("nm", rows.Select(r => r.Figures.NonExempt.MndpCents).ToArray())
            .With("nt", rows.Select(r => r.Figures.NonExempt.TariffCorrectionCents).ToArray())
            .With("xl", rows.Select(r => r.Figures.Exempt.LinesCents).ToArray())
            .With("xm", rows.Select(r => r.Figures.Exempt.MndpCents).ToArray())
            .With("xt", rows.Select(r => r.Figures.Exempt.TariffCorrectionCents).ToArray())
            .With("paid", rows.Select(r => r.Figures.PaidBeforeCents).ToArray())
            .ExecuteAsync(cancellationToken);
    }

    public Task<int> InsertRecoveriesAsync(
        DateOnly runDate,
        IEnumerable<ProviderRun> runs,
        CancellationToken cancellationToken)
    {
        var rows = runs
            .SelectMany(r => r.RecoveriesOpenBefore.Select(b => b.Year)
                .Union(r.RecoveriesCarriedForward.Select(b => b.Year))
                .Select(year => (
                    r.Agb,
                    Year: (short)year,
                    Before: r.RecoveriesOpenBefore.Where(b => b.Year == year).Sum(b => b.AmountCents),
                    After: r.RecoveriesCarriedForward.Where(b => b.Year == year).Sum(b => b.AmountCents))))
            .ToArray();
        return Command("""
                INSERT INTO advance_recovery (run_date, agb, year, open_before_cents, carried_forward_cents)
                SELECT @run_date, u.* FROM unnest(@agb, @year, @before, @after) AS u(agb, year, before, after)
                """)
            .With("run_date", runDate)
            .With("agb", rows.Select(r => AgbCode.ToInt(r.Agb)).ToArray())
            .With("year", rows.Select(r => r.Year).ToArray())
            .With("before", rows.Select(r => r.Before).ToArray())
            .With("after", rows.Select(r => r.After).ToArray())
            .ExecuteAsync(cancellationToken);
    }

    public Task<int> InsertRejectionsAsync(
        DateOnly runDate,
        IReadOnlyList<RejectedMndpRow> rejected,
        CancellationToken cancellationToken) =>
        Command("""
                INSERT INTO advance_mndp_rejection
                    (run_date, agb, jaar, maand, prestatiecode, ingediend_op, aantal, tarief_cent, reason, explanation)
                SELECT @run_date, u.* FROM unnest(@agb, @jaar, @maand, @prestatiecode, @ingediend_op, @aantal, @tarief, @reason, @explanation)
                    AS u(agb, jaar, maand, prestatiecode, ingediend_op, aantal, tarief, reason, explanation)
                """)
            .With("run_date", runDate)
            .With("agb", rejected.Select(r => r.Row.Agb).ToArray())
            .With("jaar", rejected.Select(r => (short)r.Row.Jaar).ToArray())
            .With("maand", rejected.Select(r => (short)r.Row.Maand).ToArray())
            .With("prestatiecode", rejected.Select(r => r.Row.Prestatiecode.ToString()).ToArray())
            .With("ingediend_op", rejected.Select(r => r.Row.IngediendOp).ToArray())
            .With("aantal", rejected.Select(r => checked((int)r.Row.Aantal)).ToArray())
            .With("tarief", rejected.Select(r => r.Row.TariefCent).ToArray())
            .With("reason", rejected.Select(r => MndpReasons.Code(r.Reason)).ToArray())
            .With("explanation", rejected.Select(r => r.Explanation).ToArray())
            .ExecuteAsync(cancellationToken);

    /// <summary>Waits for the advance runs' advisory lock (<see cref="FundingDb.AdvisoryLockKey"/>) for this transaction.</summary>
    public Task LockAsync(CancellationToken cancellationToken) =>
        FundingDb.LockAsync(connection, transaction ?? throw new InvalidOperationException("the lock needs a transaction"), cancellationToken);

    /// <summary>Inserts the advance_run row of a new draft.</summary>
    public Task<int> InsertDraftAsync(
        DateOnly runDate, DateTimeOffset computedAt, DateOnly? historyThrough, IEnumerable<string> unknownAgbs, CancellationToken cancellationToken) =>
        Command("""
                INSERT INTO advance_run (run_date, status, computed_at, history_through, unknown_agbs)
                VALUES (@run_date, 'draft', @computed_at, @history_through, @unknown_agbs)
                """)
            .With("run_date", runDate)
            .With("computed_at", computedAt)
            .WithNullable("history_through", historyThrough)
            .With("unknown_agbs", unknownAgbs.Select(AgbCode.ToInt).ToArray())
            .ExecuteAsync(cancellationToken);

    /// <summary>Deletes the run of a date with all its parts (cascade); the database refuses it for an approved run.</summary>
    public Task<int> DeleteRunAsync(DateOnly runDate, CancellationToken cancellationToken) =>
        Command("DELETE FROM advance_run WHERE run_date = @run_date")
            .With("run_date", runDate)
            .ExecuteAsync(cancellationToken);

    public Task<int> InsertProtocolsAsync(DateOnly runDate, IReadOnlyList<ProtocolUse> protocols, CancellationToken cancellationToken) =>
        Command("""
                INSERT INTO advance_run_protocol (run_date, year, label, sha256)
                SELECT @run_date, * FROM unnest(@year, @label, @sha256)
                """)
            .With("run_date", runDate)
            .With("year", protocols.Select(p => (short)p.Year).ToArray())
            .With("label", protocols.Select(p => p.Label).ToArray())
            .With("sha256", protocols.Select(p => p.Sha256).ToArray())
            .ExecuteAsync(cancellationToken);

    /// <summary>Marks the adjustments of a date that still apply as superseded; returns how many.</summary>
    public Task<int> SupersedeAdjustmentsAsync(DateOnly runDate, DateTimeOffset now, CancellationToken cancellationToken) =>
        Command("""
                UPDATE advance_adjustment SET superseded_at = @now WHERE run_date = @run_date AND superseded_at IS NULL
                """)
            .With("run_date", runDate).With("now", now)
            .ExecuteAsync(cancellationToken);

    /// <summary>Replaces one provider's items, recoveries and payment in a draft with those of <paramref name="run"/>.</summary>
    public async Task ReplaceProviderAsync(DateOnly runDate, ProviderRun run, CancellationToken cancellationToken)
    {
        var agb = AgbCode.ToInt(run.Agb);
        await Command("DELETE FROM advance_item WHERE run_date = @run_date AND agb = @agb")
            .With("run_date", runDate).With("agb", agb)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        await Command("DELETE FROM advance_recovery WHERE run_date = @run_date AND agb = @agb")
            .With("run_date", runDate).With("agb", agb)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        await Command("""
                UPDATE advance_provider SET payment_cents = @payment WHERE run_date = @run_date AND agb = @agb
                """)
            .With("run_date", runDate).With("agb", agb).With("payment", run.PaymentCents)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        await InsertItemsAsync(runDate, [run], cancellationToken).ConfigureAwait(false);
        await InsertRecoveriesAsync(runDate, [run], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records an adjustment (its <see cref="AdvanceAdjustment.Id"/> is ignored); returns the id it got.</summary>
    public async Task<long> InsertAdjustmentAsync(AdvanceAdjustment adjustment, CancellationToken cancellationToken) =>
        await Command("""
                INSERT INTO advance_adjustment
                    (run_date, agb, year, kind, computed_cents, old_cents, new_cents, reason, adjusted_by, adjusted_at)
                VALUES (@run_date, @agb, @year, @kind, @computed, @old, @new, @reason, @by, @at)
                RETURNING id
                """)
            .With("run_date", adjustment.RunDate)
            .With("agb", AgbCode.ToInt(adjustment.Agb))
            .With("year", (short)adjustment.Year)
            .With("kind", ItemKinds.Code(adjustment.Kind))
            .With("computed", adjustment.ComputedCents)
            .With("old", adjustment.OldCents)
            .With("new", adjustment.NewCents)
            .With("reason", adjustment.Reason)
            .With("by", adjustment.AdjustedBy)
            .With("at", adjustment.AdjustedAt)
            .ScalarAsync<long>(cancellationToken).ConfigureAwait(false);

    /// <summary>The adjustments recorded for a run date, in the order they were made, superseded ones included.</summary>
    public Task<List<AdvanceAdjustment>> ReadAdjustmentsAsync(DateOnly runDate, CancellationToken cancellationToken) =>
        Command("""
                SELECT id, run_date, agb, kind, year, computed_cents, old_cents, new_cents, reason, adjusted_by, adjusted_at,
                       superseded_at
                FROM advance_adjustment
                WHERE run_date = @run_date
                ORDER BY id
                """)
            .With("run_date", runDate)
            .ReadAsync(
                r => new AdvanceAdjustment
                {
                    Id = r.GetInt64(0),
                    RunDate = r.GetFieldValue<DateOnly>(1),
                    Agb = AgbCode.ToText(r.GetInt32(2)),
                    Kind = ItemKinds.Parse(r.GetString(3)),
                    Year = r.GetInt16(4),
                    ComputedCents = r.GetInt64(5),
                    OldCents = r.GetInt64(6),
                    NewCents = r.GetInt64(7),
                    Reason = r.GetString(8),
                    AdjustedBy = r.GetString(9),
                    AdjustedAt = r.GetFieldValue<DateTimeOffset>(10),
                    SupersededAt = r.GetTimeOrNull(11),
                },
                cancellationToken);

    /// <summary>Sets a draft approved, by whom and when.</summary>
    public Task<int> ApproveAsync(DateOnly runDate, string approvedBy, DateTimeOffset approvedAt, CancellationToken cancellationToken) =>
        Command("""
                UPDATE advance_run SET status = 'approved', approved_by = @by, approved_at = @at WHERE run_date = @run_date
                """)
            .With("run_date", runDate).With("by", approvedBy).With("at", approvedAt)
            .ExecuteAsync(cancellationToken);

    /// <summary>Keeps the payment order of an approved run: where its file was written, its bytes and their SHA-256.</summary>
    public Task<int> InsertPaymentOrderAsync(
        DateOnly runDate,
        PaymentOrderFile file,
        byte[] content,
        IReadOnlyList<PaymentOrderLine> lines,
        DateTimeOffset writtenAt,
        CancellationToken cancellationToken) =>
        Command("""
                INSERT INTO advance_payment_order
                    (run_date, file_name, directory, content, sha256, payment_count, total_cents, written_at)
                VALUES (@run_date, @file_name, @directory, @content, @sha256, @count, @total, @at)
                """)
            .With("run_date", runDate)
            .With("file_name", file.FileName)
            .With("directory", file.Directory)
            .With("content", content)
            .With("sha256", SHA256.HashData(content))
            .With("count", lines.Count)
            .With("total", lines.Sum(l => l.AmountCents))
            .With("at", writtenAt)
            .ExecuteAsync(cancellationToken);

    /// <summary>The payment order of a run as stored: the file's name and its exact content; null when there is none.</summary>
    public async Task<(string FileName, byte[] Content)?> ReadPaymentOrderAsync(DateOnly runDate, CancellationToken cancellationToken)
    {
        var rows = await Command("SELECT file_name, content FROM advance_payment_order WHERE run_date = @run_date")
            .With("run_date", runDate)
            .ReadAsync(r => (r.GetString(0), r.GetFieldValue<byte[]>(1)), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private NpgsqlCommand Command(string sql) => FundingDb.Command(connection, transaction, sql);

    /// <summary>A protocol as the header query joins it: year, label and SHA-256 separated by tabs.</summary>
    private static ProtocolUse ParseProtocolUse(string stored)
    {
        var parts = stored.Split('\t');
        return new ProtocolUse(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], parts[2]);
    }
}
