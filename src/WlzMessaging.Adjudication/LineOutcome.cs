using WlzMessaging.Reference;
using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication;

/// <summary>
/// Everything the judgement of one 04 line decided, as storage writes it next to the line (one COPY row, no allocation):
/// approved or not, the codes, the amounts, the tariff applied and, for an approved credit, the debit it reversed.
/// </summary>
/// <remarks>
/// Holds the BSN of the line (special personal data under the AVG); the struct prints only its type name. Amounts are
/// signed eurocents (negative on a credit line).
/// </remarks>
public readonly struct LineOutcome
{
    /// <summary>0-based number of the 04 record in the file.</summary>
    public int Line { get; init; }

    /// <summary>1-based position of the record in the file (its line number in the AW319).</summary>
    public long RecordNumber { get; init; }

    /// <summary>Granted in full: 8001.</summary>
    public bool Approved { get; init; }

    /// <summary>True when the line was not judged because its client (02) was rejected: 8002.</summary>
    public bool NotJudged { get; init; }

    /// <summary>The three RETOURCODE slots as written: 8001 when approved, else the first three codes found.</summary>
    public RetourcodeSet Retourcodes { get; init; }

    /// <summary>Every line rule that fired (also those past the third code); none when approved or not judged.</summary>
    public LineRules Fired { get; init; }

    public bool IsCredit { get; init; }

    /// <summary>0429 with its sign.</summary>
    public long DeclaratiebedragSigned { get; init; }

    /// <summary>0481: 0418 × <see cref="AppliedTariefCent"/>, signed like the line.</summary>
    public long BerekendBedragSigned { get; init; }

    /// <summary>0483: the declared amount when approved, else 0.</summary>
    public long ToegekendBedragSigned { get; init; }

    /// <summary>The tariff applied per unit, in cents (see <see cref="TariefSource"/>).</summary>
    public long AppliedTariefCent { get; init; }

    public TariefSource TariefSource { get; init; }

    /// <summary>The declaration year: the year of 0414; 0 when 0414 is not a valid date.</summary>
    public int Jaar { get; init; }

    /// <summary>0403 as a number (-1 when not digits). Never log it.</summary>
    public int Bsn { get; init; }

    public PrestatieCode Prestatiecode { get; init; }

    /// <summary>0414, null when not a valid date.</summary>
    public DateOnly? Begindatum { get; init; }

    /// <summary>0415, null when not a valid date.</summary>
    public DateOnly? Einddatum { get; init; }

    /// <summary>0431.</summary>
    public Referentienummer Referentienummer { get; init; }

    /// <summary>0432 (empty on most debit lines).</summary>
    public Referentienummer ReferentienummerVoorgaand { get; init; }

    /// <summary>
    /// For an approved credit line: the 0431 of the debit line it reversed, which storage marks credited. Empty otherwise.
    /// </summary>
    public Referentienummer CreditedDebit { get; init; }

    /// <summary>
    /// For an approved credit line whose debit is in this same file: that debit's <see cref="Line"/>; -1 when the debit
    /// came from an earlier file or the line credits nothing.
    /// </summary>
    public int CreditedDebitLine { get; init; }
}
