using Npgsql;
using WlzMessaging.Funding;
using static WlzMessaging.Storage.Funding.AdvanceRunRules;

namespace WlzMessaging.Storage.Funding;

/// <summary>
/// The monthly advance runs in the database: compute a run as a draft, let an operator adjust it, approve it (which writes
/// the payment order for the CAK) and read runs and year statements back. The arithmetic is <see cref="FundingCalculator"/>'s;
/// this class feeds it (<see cref="FundingInputsQuery"/>) and keeps what it returns.
/// </summary>
/// <remarks>
/// The front of three parts: the workflow (<see cref="AdvanceRunWorkflow"/>: the transitions and their rules, each in one
/// transaction under one advisory lock, so two operators cannot interleave), the SQL and row mapping
/// (<see cref="AdvanceRunTables"/>) and the payment order's file (<see cref="PaymentOrderFile"/>). The reads here change
/// nothing; those of more than one query read them in one snapshot (REPEATABLE READ).
/// </remarks>
public sealed class AdvanceRunStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly FundingSettings _settings;
    private readonly AdvanceRunWorkflow _workflow;

    public AdvanceRunStore(NpgsqlDataSource dataSource, FundingSettings? settings = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _settings = settings ?? FundingSettings.Default;
        _workflow = new AdvanceRunWorkflow(dataSource, _settings, time ?? TimeProvider.System);
    }

    /// <summary>Computes the run of <paramref name="runDate"/> for every provider and stores it as a draft.</summary>
    /// <exception cref="FundingRefusedException">Not the first of a month, or on or before an approved run.</exception>
    public Task<AdvanceRunComputation> ComputeAsync(DateOnly runDate, CancellationToken cancellationToken = default) =>
        _workflow.ComputeAsync(runDate, cancellationToken);

    /// <summary>
    /// Sets one item of a provider's draft to the operator's amount (<see cref="RunReview.Adjust"/>) and records who, when,
    /// the old and the new amount and why.
    /// </summary>
    /// <exception cref="FundingRefusedException">No such draft, provider or item; an approved run; no reason or name.</exception>
    public Task<AdjustmentResult> AdjustAsync(AdjustmentRequest request, CancellationToken cancellationToken = default) =>
        _workflow.AdjustAsync(request, cancellationToken);

    /// <summary>
    /// Approves a draft and writes its payment order to <paramref name="directory"/> (created when missing). The file is
    /// written before the approval commits and removed again when the commit fails, so an approved run always has its file.
    /// </summary>
    /// <exception cref="FundingRefusedException">
    /// No such draft; already approved; an earlier run still a draft; computed before an earlier run was approved; the file
    /// exists already.
    /// </exception>
    public Task<ApprovalResult> ApproveAsync(
        DateOnly runDate, string approvedBy, string directory, CancellationToken cancellationToken = default) =>
        _workflow.ApproveAsync(runDate, approvedBy, directory, cancellationToken);

    /// <summary>Removes a draft (its adjustments no longer apply); false when the date has no run.</summary>
    /// <exception cref="FundingRefusedException">The run is approved.</exception>
    public Task<bool> DiscardAsync(DateOnly runDate, CancellationToken cancellationToken = default) =>
        _workflow.DiscardAsync(runDate, cancellationToken);

    /// <summary>The run of a date as stored (draft or approved), or null.</summary>
    public async Task<StoredAdvanceRun?> GetRunAsync(DateOnly runDate, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(
            System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var tables = new AdvanceRunTables(connection, transaction);
        var header = (await tables.ReadHeadersAsync(cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(h => h.RunDate == runDate);
        return header is null ? null : await tables.ReadRunAsync(header, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every run's date and status, oldest first.</summary>
    public async Task<IReadOnlyList<(DateOnly RunDate, AdvanceRunStatus Status)>> ListRunsAsync(
        CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await new AdvanceRunTables(connection, null).ReadHeadersAsync(cancellationToken).ConfigureAwait(false))
            .Select(h => (h.RunDate, h.Status))
            .ToArray();
    }

    /// <summary>The adjustments recorded for a run date, in the order they were made, superseded ones included.</summary>
    public async Task<IReadOnlyList<AdvanceAdjustment>> GetAdjustmentsAsync(
        DateOnly runDate, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await new AdvanceRunTables(connection, null).ReadAdjustmentsAsync(runDate, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The payment order an approval wrote, as stored: the file's name and its exact content.</summary>
    public async Task<(string FileName, byte[] Content)?> GetPaymentOrderAsync(
        DateOnly runDate, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await new AdvanceRunTables(connection, null).ReadPaymentOrderAsync(runDate, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The year statement of a provider (<see cref="YearStatements.Build"/>) from its approved runs since 1 January of the
    /// year, and those runs.
    /// </summary>
    /// <exception cref="FundingRefusedException">No approved run since 1 January of the year has the provider.</exception>
    public async Task<(YearStatement Statement, IReadOnlyList<ProviderRun> Runs)> GetYearStatementAsync(
        string agb, int year, CancellationToken cancellationToken = default)
    {
        RequireAgb(agb);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(
            System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var tables = new AdvanceRunTables(connection, transaction);
        var from = new DateOnly(year, 1, 1);
        var headers = (await tables.ReadHeadersAsync(cancellationToken).ConfigureAwait(false))
            .Where(h => h.Status == AdvanceRunStatus.Approved && h.RunDate >= from)
            .ToArray();
        var runs = await tables.ReadProviderRunsAsync(
                "agb = @agb AND run_date >= @from", headers, cancellationToken,
                ("agb", WlzMessaging.Reference.AgbCode.ToInt(agb)), ("from", from))
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
        if (agb is not null)
        {
            RequireAgb(agb);
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(
            System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var headers = await new AdvanceRunTables(connection, transaction).ReadHeadersAsync(cancellationToken).ConfigureAwait(false);
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
}
