using WlzMessaging.Adjudication;
using WlzMessaging.Ingestion.Funding;
using WlzMessaging.Vektis;

namespace WlzMessaging.Ingestion.Processing;

/// <summary>
/// The zorgkantoor's real answers: the adjudicator of specs/rules.md. Per file it rides along the first pass with the
/// <see cref="FilePrepass"/>, loads the provider's history in bulk for exactly the keys the prepass found (three queries
/// per file, never one per line), and answers the second pass with the <see cref="Adjudicator"/>.
/// </summary>
public sealed class AdjudicatingAnswering(AdjudicationSettings settings) : IFileAnswering
{
    public IFileAnswerSession Begin(FileAnswerContext context) => new Session(settings);

    /// <summary>Every file's lines are judged against the reference snapshot.</summary>
    public bool UsesReference => true;

    /// <summary>
    /// The settings from configuration: the last day a file with lines of a declaration year is accepted (8288), from the
    /// year's advance protocol (<c>Funding:Protocols</c>, default the built-in VGZ 2024), where <c>Cutoffs:YYYY = YYYY-MM-DD</c>
    /// does not override it for one year.
    /// </summary>
    public static AdjudicationSettings SettingsFrom(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var cutoffs = new Dictionary<int, DateOnly>();
        foreach (var child in configuration.GetSection("Cutoffs").GetChildren())
        {
            if (!int.TryParse(child.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                || !DateOnly.TryParseExact(child.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var cutoff))
            {
                throw new InvalidOperationException($"configuration: Cutoffs:{child.Key} '{child.Value}' is not a year with a date YYYY-MM-DD");
            }

            cutoffs[year] = cutoff;
        }

        var protocols = ProtocolFiles.Load(
            configuration[ProtocolFiles.SettingKey], ProtocolFiles.ConfiguredUzovi(configuration));
        return new AdjudicationSettings(ProtocolFiles.Cutoffs(protocols, cutoffs));
    }

    private sealed class Session(AdjudicationSettings settings) : IFileAnswerSession
    {
        private readonly FilePrepass _prepass = new();
        private Adjudicator? _adjudicator;

        public IReadOnlyList<IVektisRecordHandler> FirstPassHandlers => [_prepass];

        public async ValueTask<IRecordAnswers> PrepareAsync(AnswerInputs inputs, CancellationToken cancellationToken)
        {
            var prepass = _prepass.Complete();
            var context = prepass.ContextFor(inputs.Received);
            var history = new DeclarationHistory();

            // A test file is judged against the production history like any file, but never adds to it.
            await inputs.Work.LoadHistoryAsync(context.Instellingscode, prepass, history, cancellationToken).ConfigureAwait(false);
            var reference = await inputs.Reference(cancellationToken).ConfigureAwait(false);
            _adjudicator = new Adjudicator(reference, history, prepass, settings, context);
            return _adjudicator;
        }

        /// <summary>The tariff the adjudicator applied (contract, meerzorg or declared): the base of later tariff corrections.</summary>
        public long AppliedTariffCents(in PrestatieRecord record, in PrestatieAnswer answer) =>
            _adjudicator is { } adjudicator ? adjudicator.LastLine.AppliedTariefCent : Math.Max(0, record.Tarief);
    }
}
