using WlzMessaging.Funding;
using Npgsql;
using AgbCode = WlzMessaging.Reference.AgbCode;
using static WlzMessaging.Storage.Funding.AdvanceRunRules;

namespace WlzMessaging.Storage.Funding;

/// <summary>
/// The state transitions of an advance run: compute (a new or replaced draft), adjust (one item of a draft), approve (a
/// draft becomes approved and its payment order is written) and discard (a draft is removed). Each runs in one transaction
/// under the advance runs' advisory lock, reads the headers after the lock, decides (<see cref="AdvanceRunRules"/>) and
/// writes through <see cref="AdvanceRunTables"/>.
/// </summary>
/// <remarks>
/// Rules (specs/funding.md, "Storage: runs, review and payment orders"): a draft is replaced whole when its date is computed
/// again, and the adjustments made to it no longer apply; a date on or before an approved run is refused; an approved run
/// never changes (the database refuses it too); a draft is approved only when no earlier run is still a draft and no earlier
/// run was approved after it was computed. The lock is taken in READ COMMITTED, so what is read after it includes every
/// approval committed before.
/// </remarks>
internal sealed class AdvanceRunWorkflow(NpgsqlDataSource dataSource, FundingSettings settings, TimeProvider time)
{
    private readonly FundingCalculator _calculator = new(settings);

    /// <inheritdoc cref="AdvanceRunStore.ComputeAsync"/>
    public async Task<AdvanceRunComputation> ComputeAsync(DateOnly runDate, CancellationToken cancellationToken)
    {
        RequireRunDate(runDate);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var tables = new AdvanceRunTables(connection, transaction);
        await tables.LockAsync(cancellationToken).ConfigureAwait(false);

        var headers = await tables.ReadHeadersAsync(cancellationToken).ConfigureAwait(false);
        if (headers.FirstOrDefault(h => h.Status == AdvanceRunStatus.Approved && h.RunDate >= runDate) is { } approved)
        {
            throw approved.RunDate == runDate
                ? Unchangeable(approved)
                : new FundingRefusedException(
                    $"the run of {Day(approved.RunDate)} is approved: a run on {Day(runDate)}, before it, would change what " +
                    "later runs computed from and is refused");
        }

        var historyThrough = LatestApprovedBefore(headers, runDate);
        var earlierDrafts = headers
            .Where(h => h.Status == AdvanceRunStatus.Draft && h.RunDate < runDate)
            .Select(h => h.RunDate)
            .ToArray();
        var replaced = headers.Any(h => h.RunDate == runDate);

        var loaded = await FundingInputsQuery.LoadAsync(connection, transaction, runDate, settings, cancellationToken)
            .ConfigureAwait(false);
        var run = _calculator.Calculate(runDate, loaded.Inputs);
        var now = time.GetUtcNow();

        var superseded = await tables.SupersedeAdjustmentsAsync(runDate, now, cancellationToken).ConfigureAwait(false);
        await tables.DeleteRunAsync(runDate, cancellationToken).ConfigureAwait(false);
        await tables.InsertDraftAsync(runDate, now, historyThrough, run.UnknownAgbs, cancellationToken).ConfigureAwait(false);

        var providers = loaded.Inputs.Providers.ToDictionary(p => p.Agb, StringComparer.Ordinal);
        await tables.InsertProvidersAsync(runDate, run.Providers, providers, cancellationToken).ConfigureAwait(false);
        await tables.InsertItemsAsync(runDate, run.Providers, cancellationToken).ConfigureAwait(false);
        await tables.InsertProductionAsync(runDate, run.Providers, cancellationToken).ConfigureAwait(false);
        await tables.InsertRecoveriesAsync(runDate, run.Providers, cancellationToken).ConfigureAwait(false);
        await tables.InsertRejectionsAsync(runDate, loaded.RejectedMndp, cancellationToken).ConfigureAwait(false);
        await tables.InsertProtocolsAsync(runDate, run.Protocols, cancellationToken).ConfigureAwait(false);

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

    /// <inheritdoc cref="AdvanceRunStore.AdjustAsync"/>
    public async Task<AdjustmentResult> AdjustAsync(AdjustmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireRunDate(request.RunDate);
        RequireText(request.Reason, "an adjustment needs a reason");
        RequireText(request.AdjustedBy, "an adjustment needs the name of the operator who makes it");
        RequireAgb(request.Agb);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var tables = new AdvanceRunTables(connection, transaction);
        await tables.LockAsync(cancellationToken).ConfigureAwait(false);

        var header = RequireDraft(await tables.ReadHeadersAsync(cancellationToken).ConfigureAwait(false), request.RunDate);
        var before = (await tables.ReadProviderRunsAsync(
                    "run_date = @run_date AND agb = @agb", [header], cancellationToken,
                    ("run_date", request.RunDate), ("agb", AgbCode.ToInt(request.Agb)))
                .ConfigureAwait(false))
            .SingleOrDefault()
            ?? throw new FundingRefusedException($"provider {request.Agb} is not in the run of {Day(request.RunDate)}");

        var (kind, year) = AdjustedItem.Of(request, before);
        var computed = before.Items.Where(i => i.Kind == kind && i.Year == year).Sum(i => i.AmountCents);
        var old = before.Items.Where(i => i.Year == year && i.CountsAs(kind)).Sum(i => i.AmountCents);
        var after = RunReview.Adjust(before, new OperatorAdjustment(kind, year, request.NewAmountCents, request.Reason.Trim()));
        await tables.ReplaceProviderAsync(request.RunDate, after, cancellationToken).ConfigureAwait(false);

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
            AdjustedAt = time.GetUtcNow(),
        };
        var id = await tables.InsertAdjustmentAsync(adjustment, cancellationToken).ConfigureAwait(false);

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AdjustmentResult(adjustment with { Id = id }, before, after);
    }

    /// <inheritdoc cref="AdvanceRunStore.ApproveAsync"/>
    public async Task<ApprovalResult> ApproveAsync(
        DateOnly runDate, string approvedBy, string directory, CancellationToken cancellationToken)
    {
        RequireRunDate(runDate);
        RequireText(approvedBy, "an approval needs the name of the operator who approves");
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var tables = new AdvanceRunTables(connection, transaction);
        await tables.LockAsync(cancellationToken).ConfigureAwait(false);

        var headers = await tables.ReadHeadersAsync(cancellationToken).ConfigureAwait(false);
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

        var run = await tables.ReadRunAsync(header, cancellationToken).ConfigureAwait(false);
        var file = PaymentOrderFile.In(directory, runDate);
        var lines = PaymentOrderCsv.Lines(run.Run);
        var content = PaymentOrderCsv.Content(lines, runDate);
        var now = time.GetUtcNow();
        var by = approvedBy.Trim();

        await tables.ApproveAsync(runDate, by, now, cancellationToken).ConfigureAwait(false);
        await tables.InsertPaymentOrderAsync(runDate, file, content, lines, now, cancellationToken).ConfigureAwait(false);

        // The file before the commit, removed again when the commit fails: an approved run always has its file.
        await file.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        try
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            file.Remove();
            throw;
        }

        var order = new PaymentOrder { RunDate = runDate, Lines = lines, FileName = file.FileName, Content = content, Path = file.Path };
        return new ApprovalResult(run with { Status = AdvanceRunStatus.Approved, ApprovedBy = by, ApprovedAt = now }, order);
    }

    /// <inheritdoc cref="AdvanceRunStore.DiscardAsync"/>
    public async Task<bool> DiscardAsync(DateOnly runDate, CancellationToken cancellationToken)
    {
        RequireRunDate(runDate);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var tables = new AdvanceRunTables(connection, transaction);
        await tables.LockAsync(cancellationToken).ConfigureAwait(false);

        var header = (await tables.ReadHeadersAsync(cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(h => h.RunDate == runDate);
        if (header is null)
        {
            return false;
        }

        if (header.Status == AdvanceRunStatus.Approved)
        {
            throw Unchangeable(header);
        }

        await tables.SupersedeAdjustmentsAsync(runDate, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await tables.DeleteRunAsync(runDate, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
