namespace WlzMessaging.Storage.Lines;

/// <summary>What <see cref="DeclarationLineWriter"/> does with a line already stored (same file_id and record_id).</summary>
public enum ExistingLines
{
    /// <summary>
    /// Skip it: COPY into a temporary staging table, then INSERT … SELECT … ON CONFLICT DO NOTHING. Writing a file's lines
    /// twice doubles nothing; the price is a second pass over every line (measured: about twice the time of <see cref="Fail"/>).
    /// </summary>
    Skip,

    /// <summary>
    /// Fail on it: COPY straight into declaration_line, where a stored line is a unique violation that fails the transaction.
    /// For a file whose vektis_file row was inserted in the same transaction, which cannot have lines yet.
    /// </summary>
    Fail,
}
