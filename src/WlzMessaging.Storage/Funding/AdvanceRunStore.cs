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
/// The monthly advance runs in the database: compute a run as a draft, let an operator adjust it, approve it (which writes
/// the payment order for the CAK) and read runs and year statements back. The arithmetic is <see cref="FundingCalculator"/>'s;
/// this class feeds it (<see cref="FundingInputsQuery"/>) and keeps what it returns.
/// </summary>
/// <remarks>
/// Rules (specs/funding.md, "Storage: runs, review and payment orders"): a draft is replaced whole when its date is computed
/// again, and the adjustments made to it no longer apply; a date on or before an approved run is refused; an approved run
/// never changes (the database refuses it too); a draft is approved only when no earlier run is still a draft and no earlier
/// run was approved after it was computed. Every write runs in one transaction under one advisory lock, so two operators
/// cannot interleave.
/// </remarks>
public sealed class AdvanceRunStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly FundingSettings _settings;
    private readonly FundingCalculator _calculator;
    private readonly TimeProvider _time;

    public AdvanceRunStore(NpgsqlDataSource dataSource, FundingSettings? settings = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _settings = settings ?? FundingSettings.Default;
        _calculator = new FundingCalculator(_settings);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Computes the run of <paramref name="runDate"/> for every provider and stores it as a draft.</summary>
    /// <exception cref="FundingRefusedException">Not the first of a month, or on or before an approved run.</exception>
    public async Task<AdvanceRunComputation> ComputeAsync(DateOnly runDate, CancellationToken cancellationToken = default)
    {
        RequireRunDate(runDate);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await FundingDb.LockAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        var headers = await ReadHeadersAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (headers.FirstOrDefault(h => h.Status == AdvanceRunStatus.Approved && h.RunDate >= runDate) is { } approved)
        {
            throw new FundingRefusedException(approved.RunDate == runDate
                ? $"the run of {Day(runDate)} is approved ({Approval(approved)}) and cannot change"
                : $"the run of {Day(approved.RunDate)} is approved: a run on {Day(runDate)}, before it, would change what " +
                  "later runs computed from and is refused");
        }

        var historyThrough = LatestApprovedBefore(headers, runDate);
        var earlierDrafts = headers
            .Where(h => h.Status == AdvanceRunStatus.Draft && h.RunDate < runDate)
            .Select(h => h.RunDate)
            .ToArray();
        var replaced = headers.Any(h => h.RunDate == runDate);

        var loaded = await FundingInputsQuery.LoadAsync(connection, transaction, runDate, _settings, cancellationToken)
            .ConfigureAwait(false);
        var run = _calculator.Calculate(runDate, loaded.Inputs);
        var now = _time.GetUtcNow();

        var superseded = await SupersedeAdjustmentsAsync(connection, transaction, runDate, now, cancellationToken)
            .ConfigureAwait(false);
        await FundingDb.Command(connection, transaction, "DELETE FROM advance_run WHERE run_date = @run_date")
            .With("run_date", runDate)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);

        await FundingDb.Command(connection, transaction, """
                INSERT INTO advance_run (run_date, status, computed_at, history_through, unknown_agbs)
                VALUES (@run_date, 'draft', @computed_at, @history_through, @unknown_agbs)
                """)
            .With("run_date", runDate)
            .With("computed_at", now)
            .WithNullable("history_through", historyThrough)
            .With("unknown_agbs", run.UnknownAgbs.Select(AgbCode.ToInt).ToArray())
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);

        var providers = loaded.Inputs.Providers.ToDictionary(p => p.Agb, StringComparer.Ordinal);
        await InsertProvidersAsync(connection, transaction, runDate, run.Providers, providers, cancellationToken).ConfigureAwait(false);
        await InsertItemsAsync(connection, transaction, runDate, run.Providers, cancellationToken).ConfigureAwait(false);
        await InsertProductionAsync(connection, transaction, runDate, run.Providers, cancellationToken).ConfigureAwait(false);
        await InsertRecoveriesAsync(connection, transaction, runDate, run.Providers, cancellationToken).ConfigureAwait(false);
        await InsertRejectionsAsync(connection, transaction, runDate, loaded.RejectedMndp, cancellationToken).ConfigureAwait(false);
        await FundingDb.Command(connection, transaction, """
                INSERT INTO advance_run_protocol (run_date, year, label, sha256)
                SELECT @run_date, * FROM unnest(@year, @label, @sha256)
                """)
            .With("run_date", runDate)
            .With("year", run.Protocols.Select(p => (short)p.Year).ToArray())
            .With("label", run.Protocols.Select(p => p.Label).ToArray())
            .With("sha256", run.Protocols.Select(p => p.Sha256).ToArray())
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var stored = new StoredAdvanceRun
        {
            Run = run,
            Status = AdvanceRunStatus.Draft,
            ComputedAt = now,
            HistoryThrough = historyThrough,
            RejectedMndp = loaded.RejectedMndp,
        };
        return new AdvanceRunComputation(stored, replaced, superseded, earlierDrafts);
    }

    /// <summary>
    /// Sets one item of a provider's draft to the operator's amount (<see cref="RunReview.Adjust"/>) and records who, when,
    /// the old and the new amount and why.
    /// </summary>
    /// <exception cref="FundingRefusedException">No such draft, provider or item; an approved run; no reason or name.</exception>
    public async Task<AdjustmentResult> AdjustAsync(AdjustmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireRunDate(request.RunDate);
        RequireText(request.Reason, "an adjustment needs a reason");
        RequireText(request.AdjustedBy, "an adjustment needs the name of the operator who makes it");
        if (!AgbCode.IsValid(request.Agb))
        {
            throw new FundingRefusedException($"'{request.Agb}' is not an AGB code of 8 digits");
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await FundingDb.LockAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        var header = RequireDraft(
            await ReadHeadersAsync(connection, transaction, cancellationToken).ConfigureAwait(false), request.RunDate);
        var before = (await ReadProviderRunsAsync(
                    connection, transaction, "run_date = @run_date AND agb = @agb", [header], cancellationToken,
                    ("run_date", request.RunDate), ("agb", AgbCode.ToInt(request.Agb)))
                .ConfigureAwait(false))
            .SingleOrDefault()
            ?? throw new FundingRefusedException($"provider {request.Agb} is not in the run of {Day(request.RunDate)}");

        var (kind, year) = Target(request, before);
        var computed = before.Items.Where(i => i.Kind == kind && i.Year == year).Sum(i => i.AmountCents);
        var old = before.Items.Where(i => i.Year == year && i.CountsAs(kind)).Sum(i => i.AmountCents);
        var after = RunReview.Adjust(before, new OperatorAdjustment(kind, year, request.NewAmountCents, request.Reason.Trim()));
        var now = _time.GetUtcNow();
        var agb = AgbCode.ToInt(request.Agb);

        await FundingDb.Command(connection, transaction, "DELETE FROM advance_item WHERE run_date = @run_date AND agb = @agb")
            .With("run_date", request.RunDate).With("agb", agb)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        await FundingDb.Command(connection, transaction, "DELETE FROM advance_recovery WHERE run_date = @run_date AND agb = @agb")
            .With("run_date", request.RunDate).With("agb", agb)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        await FundingDb.Command(connection, transaction, """
                UPDATE advance_provider SET payment_cents = @payment WHERE run_date = @run_date AND agb = @agb
                """)
            .With("run_date", request.RunDate).With("agb", agb).With("payment", after.PaymentCents)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        await InsertItemsAsync(connection, transaction, request.RunDate, [after], cancellationToken).ConfigureAwait(false);
        await InsertRecoveriesAsync(connection, transaction, request.RunDate, [after], cancellationToken).ConfigureAwait(false);

        var adjustment = new AdvanceAdjustment
        {
            Id = 0,
            RunDate = request.RunDate,
            Agb = request.Agb,
            Kind = kind,
            Year = year,
            ComputedCents = computed,
            OldCents = old,
            NewCents = request.NewAmountCents,
            Reason = request.Reason.Trim(),
            AdjustedBy = request.AdjustedBy.Trim(),
            AdjustedAt = now,
        };
        var id = await FundingDb.Command(connection, transaction, """
                INSERT INTO advance_adjustment
                    (run_date, agb, year, kind, computed_cents, old_cents, new_cents, reason, adjusted_by, adjusted_at)
                VALUES (@run_date, @agb, @year, @kind, @computed, @old, @new, @reason, @by, @at)
                RETURNING id
                """)
            .With("run_date", adjustment.RunDate)
            .With("agb", agb)
            .With("year", (short)adjustment.Year)
            .With("kind", ItemKinds.Code(adjustment.Kind))
            .With("computed", adjustment.ComputedCents)
            .With("old", adjustment.OldCents)
            .With("new", adjustment.NewCents)
            .With("reason", adjustment.Reason)
            .With("by", adjustment.AdjustedBy)
            .With("at", now)
            .ScalarAsync<long>(cancellationToken).ConfigureAwait(false);

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AdjustmentResult(adjustment with { Id = id }, before, after);
    }

    /// <summary>
    /// Approves a draft and writes its payment order to <paramref name="directory"/> (created when missing). The file is
    /// written before the approval commits and removed again when the commit fails, so an approved run always has its file.
    /// </summary>
    /// <exception cref="FundingRefusedException">
    /// No such draft; already approved; an earlier run still a draft; computed before an earlier run was approved; the file
    /// exists already.
    /// </exception>
    public async Task<ApprovalResult> ApproveAsync(
        DateOnly runDate, string approvedBy, string directory, CancellationToken cancellationToken = default)
    {
        RequireRunDate(runDate);
        RequireText(approvedBy, "an approval needs the name of the operator who approves");
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await FundingDb.LockAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        var headers = await ReadHeadersAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var header = RequireDraft(headers, runDate);
        if (headers.Where(h => h.Status == AdvanceRunStatus.Draft && h.RunDate < runDate).Select(h => h.RunDate).ToArray()
            is [_, ..] earlierDrafts)
        {
            throw new FundingRefusedException(
                $"the run of {string.Join(", ", earlierDrafts.Select(Day))} is still a draft: approve or discard it first, " +
                $"then compute the run of {Day(runDate)} again");
        }

        // Approved runs are never removed, so the history can only have grown since the draft was computed.
        if (LatestApprovedBefore(headers, runDate) is { } latestApproved && latestApproved != header.HistoryThrough)
        {
            throw new FundingRefusedException(
                $"the run of {Day(runDate)} was computed before the run of {Day(latestApproved)} was approved: " +
                "compute it again, then approve it");
        }

        var run = await ReadRunAsync(connection, transaction, header, cancellationToken).ConfigureAwait(false);
        var fullDirectory = Path.GetFullPath(directory);
        var fileName = PaymentOrderCsv.FileName(runDate);
        var path = Path.Combine(fullDirectory, fileName);
        if (File.Exists(path))
        {
            throw new FundingRefusedException($"{path} exists already: move it away, or give another directory");
        }

        var lines = PaymentOrderCsv.Lines(run.Run);
        var content = PaymentOrderCsv.Content(lines, runDate);
        var now = _time.GetUtcNow();
        var by = approvedBy.Trim();

        await FundingDb.Command(connection, transaction, """
                UPDATE advance_run SET status = 'approved', approved_by = @by, approved_at = @at WHERE run_date = @run_date
                """)
            .With("run_date", runDate).With("by", by).With("at", now)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        await FundingDb.Command(connection, transaction, """
                INSERT INTO advance_payment_order
                    (run_date, file_name, directory, content, sha256, payment_count, total_cents, written_at)
                VALUES (@run_date, @file_name, @directory, @content, @sha256, @count, @total, @at)
                """)
            .With("run_date", runDate)
            .With("file_name", fileName)
            .With("directory", fullDirectory)
            .With("content", content)
            .With("sha256", SHA256.HashData(content))
            .With("count", lines.Count)
            .With("total", lines.Sum(l => l.AmountCents))
            .With("at", now)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);

        await WriteFileAsync(path, content, cancellationToken).ConfigureAwait(false);
        try
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        var order = new PaymentOrder { RunDate = runDate, Lines = lines, FileName = fileName, Content = content, Path = path };
        return new ApprovalResult(run with { Status = AdvanceRunStatus.Approved, ApprovedBy = by, ApprovedAt = now }, order);
    }

    /// <summary>Removes a draft (its adjustments no longer apply); false when the date has no run.</summary>
    /// <exception cref="FundingRefusedException">The run is approved.</exception>
    public async Task<bool> DiscardAsync(DateOnly runDate, CancellationToken cancellationToken = default)
    {
        RequireRunDate(runDate);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await FundingDb.LockAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        var header = (await ReadHeadersAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(h => h.RunDate == runDate);
        if (header is null)
        {
            return false;
        }

        if (header.Status == AdvanceRunStatus.Approved)
        {
            throw new FundingRefusedException($"the run of {Day(runDate)} is approved ({Approval(header)}) and cannot change");
        }

        await SupersedeAdjustmentsAsync(connection, transaction, runDate, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await FundingDb.Command(connection, transaction, "DELETE FROM advance_run WHERE run_date = @run_date")
            .With("run_date", runDate)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The run of a date as stored (draft or approved), or null.</summary>
    public async Task<StoredAdvanceRun?> GetRunAsync(DateOnly runDate, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(
            System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var header = (await ReadHeadersAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(h => h.RunDate == runDate);
        return header is null ? null : await ReadRunAsync(connection, transaction, header, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every run's date and status, oldest first.</summary>
    public async Task<IReadOnlyList<(DateOnly RunDate, AdvanceRunStatus Status)>> ListRunsAsync(
        CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await ReadHeadersAsync(connection, null, cancellationToken).ConfigureAwait(false))
            .Select(h => (h.RunDate, h.Status))
            .ToArray();
    }

    /// <summary>The adjustments recorded for a run date, in the order they were made, superseded ones included.</summary>
    public async Task<IReadOnlyList<AdvanceAdjustment>> GetAdjustmentsAsync(
        DateOnly runDate, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await FundingDb.Command(connection, null, """
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
                cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The payment order an approval wrote, as stored: the file's name and its exact content.</summary>
    public async Task<(string FileName, byte[] Content)?> GetPaymentOrderAsync(
        DateOnly runDate, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await FundingDb.Command(connection, null,
                "SELECT file_name, content FROM advance_payment_order WHERE run_date = @run_date")
            .With("run_date", runDate)
            .ReadAsync(r => (r.GetString(0), r.GetFieldValue<byte[]>(1)), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// The year statement of a provider (<see cref="YearStatements.Build"/>) from its approved runs since 1 January of the
    /// year, and those runs.
    /// </summary>
    /// <exception cref="FundingRefusedException">No approved run since 1 January of the year has the provider.</exception>
    public async Task<(YearStatement Statement, IReadOnlyList<ProviderRun> Runs)> GetYearStatementAsync(
        string agb, int year, CancellationToken cancellationToken = default)
    {
        if (!AgbCode.IsValid(agb))
        {
            throw new FundingRefusedException($"'{agb}' is not an AGB code of 8 digits");
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(
            System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var from = new DateOnly(year, 1, 1);
        var headers = (await ReadHeadersAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
            .Where(h => h.Status == AdvanceRunStatus.Approved && h.RunDate >= from)
            .ToArray();
        var runs = await ReadProviderRunsAsync(
                connection, transaction, "agb = @agb AND run_date >= @from", headers, cancellationToken,
                ("agb", AgbCode.ToInt(agb)), ("from", from))
            .ConfigureAwait(false);
        if (runs.Count == 0)
        {
            throw new FundingRefusedException($"no approved run since {Day(from)} has provider {agb}");
        }

        // The statement names the protocols its runs recorded; the final run's date is the year's protocol's.
        var statement = YearStatements.Build(_settings.ProtocolFor(year), runs) with
        {
            Protocols = headers
                .Where(h => runs.Any(r => r.RunDate == h.RunDate))
                .SelectMany(h => h.Protocols.Where(p => p.Year == year).Select(p => p.Label))
                .Distinct(StringComparer.Ordinal)
                .ToArray(),
        };
        return (statement, runs);
    }

    /// <summary>
    /// The forecast of a year (<see cref="YearForecasts"/>) from the first of the month after the latest approved run (at
    /// the earliest 1 January of the year), over what the database holds now; <paramref name="agb"/> picks one provider.
    /// </summary>
    public async Task<IReadOnlyList<ProviderForecast>> ForecastAsync(int year, string? agb, CancellationToken cancellationToken = default)
    {
        if (agb is not null && !AgbCode.IsValid(agb))
        {
            throw new FundingRefusedException($"'{agb}' is not an AGB code of 8 digits");
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(
            System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var headers = await ReadHeadersAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var latest = headers.Where(h => h.Status == AdvanceRunStatus.Approved).Select(h => (DateOnly?)h.RunDate).LastOrDefault();
        var from = latest is { } approved && approved.AddMonths(1) > new DateOnly(year, 1, 1) ? approved.AddMonths(1) : new DateOnly(year, 1, 1);

        var loaded = await FundingInputsQuery.LoadAsync(connection, transaction, from, _settings, cancellationToken).ConfigureAwait(false);
        var forecasts = YearForecasts.Forecast(year, from, loaded.Inputs, _settings);
        if (agb is null)
        {
            return forecasts;
        }

        return forecasts.FirstOrDefault(f => f.Agb == agb) is { } one
            ? [one]
            : throw new FundingRefusedException($"provider {agb} is not among the providers");
    }

    private static (ItemKind Kind, int Year) Target(AdjustmentRequest request, ProviderRun run)
    {
        if (request.Kind is ItemKind.Invordering or ItemKind.Correctie)
        {
            throw new FundingRefusedException(request.Kind == ItemKind.Invordering
                ? "an invordering follows from the total and cannot be set by hand: adjust the item it is offset against"
                : "a correctie is made by setting the item it corrects: name that item's kind");
        }

        var runYear = run.RunDate.Year;
        if (request.Year is { } y && y != runYear && y != runYear - 1)
        {
            throw new FundingRefusedException($"the run of {Day(run.RunDate)} has items of {runYear - 1} and {runYear} only, not of {y}");
        }

        if (request is { Kind: { } kind, Year: { } year })
        {
            return (kind, year);
        }

        var candidates = run.Items
            .Where(i => i.Kind is not (ItemKind.Invordering or ItemKind.Correctie))
            .Select(i => (i.Kind, i.Year))
            .Concat(run.Items.Where(i => i.Adjusts.HasValue).Select(i => (Kind: i.Adjusts!.Value, i.Year)))
            .Distinct()
            .Where(c => (request.Kind is null || c.Kind == request.Kind) && (request.Year is null || c.Year == request.Year))
            .OrderBy(c => c.Year).ThenBy(c => c.Kind)
            .ToArray();
        return candidates switch
        {
            [var only] => only,
            [] => throw new FundingRefusedException(
                $"provider {run.Agb} has no item{Describe(request.Kind, request.Year)} in the run of {Day(run.RunDate)}: " +
                "name the kind and year of the item to set"),
            _ => throw new FundingRefusedException(
                $"provider {run.Agb} has several items in the run of {Day(run.RunDate)} " +
                $"({string.Join(", ", candidates.Select(c => $"{ItemKindCodes.Code(c.Kind)} {c.Year}"))}): name the kind and year of the one to set"),
        };
    }

    private static string Describe(ItemKind? kind, int? year) =>
        (kind, year) switch
        {
            (null, null) => " to adjust",
            ({ } k, null) => $" {ItemKindCodes.Code(k)}",
            (null, { } y) => $" of {y}",
            ({ } k, { } y) => $" {ItemKindCodes.Code(k)} {y}",
        };

    private static DateOnly? LatestApprovedBefore(IEnumerable<RunHeader> headers, DateOnly runDate) =>
        headers.Where(h => h.Status == AdvanceRunStatus.Approved && h.RunDate < runDate)
            .Select(h => (DateOnly?)h.RunDate)
            .Max();

    private static void RequireRunDate(DateOnly runDate)
    {
        if (!FundingCalendar.IsRunDate(runDate))
        {
            throw new FundingRefusedException($"a run falls on the first of a month, not on {Day(runDate)}");
        }
    }

    private static void RequireText(string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FundingRefusedException(message);
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Approval(RunHeader header) =>
        $"by {header.ApprovedBy} on {header.ApprovedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";

    private static RunHeader RequireDraft(IEnumerable<RunHeader> headers, DateOnly runDate)
    {
        var header = headers.FirstOrDefault(h => h.RunDate == runDate)
            ?? throw new FundingRefusedException($"there is no run of {Day(runDate)}: compute it first");
        return header.Status == AdvanceRunStatus.Approved
            ? throw new FundingRefusedException($"the run of {Day(runDate)} is approved ({Approval(header)}) and cannot change")
            : header;
    }

    private static async Task WriteFileAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);

        // Under a hidden name first, renamed into place when complete: whoever collects the file never sees half of it.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static Task<int> SupersedeAdjustmentsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly runDate, DateTimeOffset now, CancellationToken cancellationToken) =>
        FundingDb.Command(connection, transaction, """
                UPDATE advance_adjustment SET superseded_at = @now WHERE run_date = @run_date AND superseded_at IS NULL
                """)
            .With("run_date", runDate).With("now", now)
            .ExecuteAsync(cancellationToken);

    private static Task<List<RunHeader>> ReadHeadersAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        FundingDb.Command(connection, transaction, """
                SELECT run_date, status, computed_at, history_through, unknown_agbs, approved_by, approved_at,
                       ARRAY(SELECT p.year::text || E'\t' || p.label || E'\t' || p.sha256
                             FROM advance_run_protocol p WHERE p.run_date = r.run_date ORDER BY p.year)
                FROM advance_run r
                ORDER BY run_date
                """)
            .ReadAsync(
                r => new RunHeader(
                    r.GetFieldValue<DateOnly>(0),
                    r.GetString(1) == "approved" ? AdvanceRunStatus.Approved : AdvanceRunStatus.Draft,
                    r.GetFieldValue<DateTimeOffset>(2),
                    r.GetDateOrNull(3),
                    r.GetFieldValue<int[]>(4),
                    r.GetStringOrNull(5),
                    r.GetTimeOrNull(6),
                    r.GetFieldValue<string[]>(7).Select(ParseProtocolUse).ToArray()),
                cancellationToken);

    private static async Task<StoredAdvanceRun> ReadRunAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RunHeader header, CancellationToken cancellationToken)
    {
        var providers = await ReadProviderRunsAsync(
                connection, transaction, "run_date = @run_date", [header], cancellationToken, ("run_date", header.RunDate))
            .ConfigureAwait(false);
        var rejected = await FundingDb.Command(connection, transaction, """
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
    private static async Task<IReadOnlyList<ProviderRun>> ReadProviderRunsAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string filter,
        IReadOnlyCollection<RunHeader> headers,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        NpgsqlCommand Command(string sql)
        {
            var command = FundingDb.Command(connection, transaction, sql);
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
        var payments = (await Command($"SELECT run_date, agb, payment_cents FROM advance_provider WHERE {filter} ORDER BY run_date, agb")
                .ReadAsync(r => (RunDate: r.GetFieldValue<DateOnly>(0), Agb: r.GetInt32(1), Payment: r.GetInt64(2)), cancellationToken)
                .ConfigureAwait(false))
            .Where(p => runDates.Contains(p.RunDate))
            .ToArray();

        var items = (await Command($"""
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

        var production = (await Command($"""
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

        var recoveries = (await Command($"""
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

    private static Task<int> InsertProvidersAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        DateOnly runDate,
        IReadOnlyList<ProviderRun> runs,
        Dictionary<string, Provider> providers,
        CancellationToken cancellationToken) =>
        FundingDb.Command(connection, transaction, """
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

    private static Task<int> InsertItemsAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        DateOnly runDate,
        IEnumerable<ProviderRun> runs,
        CancellationToken cancellationToken)
    {
        var rows = runs.SelectMany(r => r.Items.Select((item, position) => (r.Agb, Position: (short)position, Item: item))).ToArray();
        return FundingDb.Command(connection, transaction, """
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

    private static Task<int> InsertProductionAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        DateOnly runDate,
        IEnumerable<ProviderRun> runs,
        CancellationToken cancellationToken)
    {
        var rows = runs.SelectMany(r => r.Production.Select(f => (r.Agb, Figures: f))).ToArray();
        return FundingDb.Command(connection, transaction, """
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

    private static Task<int> InsertRecoveriesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
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
        return FundingDb.Command(connection, transaction, """
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

    private static Task<int> InsertRejectionsAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        DateOnly runDate,
        IReadOnlyList<RejectedMndpRow> rejected,
        CancellationToken cancellationToken) =>
        FundingDb.Command(connection, transaction, """
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

    private sealed record RunHeader(
        DateOnly RunDate,
        AdvanceRunStatus Status,
        DateTimeOffset ComputedAt,
        DateOnly? HistoryThrough,
        int[] UnknownAgbs,
        string? ApprovedBy,
        DateTimeOffset? ApprovedAt,
        ProtocolUse[] Protocols);

    private static ProtocolUse ParseProtocolUse(string stored)
    {
        var parts = stored.Split('\t');
        return new ProtocolUse(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], parts[2]);
    }
}
