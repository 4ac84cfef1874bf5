using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace WlzMessaging.Storage.Lines;

/// <summary>
/// The file pipeline's binary COPY of declaration lines, with the binary format laid out here instead of by
/// <see cref="NpgsqlBinaryImporter"/>: straight into <c>declaration_line</c>, as <see cref="ExistingLines.Fail"/> does, for the
/// lines of a file whose row the same transaction inserted.
/// </summary>
/// <remarks>
/// <para>
/// Why: on the 2-core machine the client and the server share the CPU, and every cycle the client spends on a line is one
/// the server's COPY does not get. Measured for a million lines: the importer's typed writes cost 1.3-2.4 s of client CPU,
/// this 0.14-0.28 s. Rows go into a 256 KiB buffer of the PostgreSQL binary COPY format (big-endian lengths and values,
/// dates as days since 2000-01-01, text as UTF-8) and on to the server when it is full; nothing is allocated per line.
/// </para>
/// <para>
/// The types written must be those of the columns: a migration that changes one makes the COPY fail at once
/// (<c>incorrect binary data format</c>), never store a wrong value. <see cref="DeclarationLineWriter"/> writes through
/// this encoder too, so there is one layout of a line in the code.
/// </para>
/// </remarks>
public sealed class DeclarationLineStream : IAsyncDisposable
{
    internal const string Columns =
        "file_id, record_id, provider_agb, bsn, prestatiecode, begin_date, end_date, volume, tariff_cents, " +
        "applied_tariff_cents, declared_cents, approved_cents, debit_credit, referentienummer, voorgaand_referentienummer, " +
        "retourcode_1, retourcode_2, retourcode_3, received_on, production, approved, declaration_year";

    private const short FieldCount = 22;
    private const int BufferSize = 256 * 1024;

    // The longest row: 22 field lengths, 6 bigints, 4 integers, 3 dates, 4 smallints, 2 bools, a char and three texts of at
    // most 20 characters of 3 UTF-8 bytes each. Flushing below this much room keeps every row whole in the buffer.
    private const int MaxRowLength = 2 + FieldCount * 4 + 6 * 8 + 4 * 4 + 3 * 4 + 4 * 2 + 2 * 1 + 3 + 3 * 20 * 3;

    private static readonly int s_epoch = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly byte[] s_signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    private readonly byte[] _buffer = new byte[BufferSize];
    private NpgsqlRawCopyStream? _copy;
    private int _position;

    private DeclarationLineStream(NpgsqlRawCopyStream copy)
    {
        _copy = copy;
        s_signature.CopyTo(_buffer, 0);
        _position = s_signature.Length;
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), 0);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position + 4), 0);
        _position += 8;
    }

    /// <summary>Lines written so far.</summary>
    public long Written { get; private set; }

    /// <summary>Opens the COPY into declaration_line, in <paramref name="transaction"/>.</summary>
    public static Task<DeclarationLineStream> BeginAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken = default) =>
        BeginAsync(connection, transaction, "declaration_line", cancellationToken);

    /// <summary>Opens the COPY into <paramref name="table"/> (declaration_line or a table like it), in <paramref name="transaction"/>.</summary>
    internal static async Task<DeclarationLineStream> BeginAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        if (!ReferenceEquals(transaction.Connection, connection))
        {
            throw new ArgumentException("the transaction is finished or belongs to another connection", nameof(transaction));
        }

        var copy = await connection.BeginRawBinaryCopyAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken)
            .ConfigureAwait(false);
        return new DeclarationLineStream(copy);
    }

    /// <summary>
    /// Adds one line. Synchronous on purpose: it only touches the socket when the buffer is full, and an await per line of a
    /// million costs more than the rare blocking send; a file is processed on a thread of its own.
    /// </summary>
    public void Write(DeclarationLineRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var copy = _copy ?? throw new InvalidOperationException("the stream is completed or disposed");
        if (_position > BufferSize - MaxRowLength)
        {
            copy.Write(_buffer, 0, _position);
            _position = 0;
        }

        var span = _buffer.AsSpan(_position);
        var at = 0;
        BinaryPrimitives.WriteInt16BigEndian(span, FieldCount);
        at += 2;
        Int64(span, ref at, row.FileId);
        Int64(span, ref at, row.RecordId);
        Int32(span, ref at, row.ProviderAgb);
        Int32(span, ref at, row.Bsn);
        Text(span, ref at, row.Prestatiecode.Span);
        Date(span, ref at, row.BeginDate);
        Date(span, ref at, row.EndDate);
        Int32(span, ref at, row.Volume);
        Int64(span, ref at, row.TariffCents);
        Int64(span, ref at, row.AppliedTariffCents);
        Int64(span, ref at, row.DeclaredCents);
        Int64(span, ref at, row.ApprovedCents);
        Span<char> debitCredit = [row.DebitCredit];
        Text(span, ref at, debitCredit);
        Text(span, ref at, row.Referentienummer.Span);
        if (row.VoorgaandReferentienummer.IsEmpty)
        {
            Null(span, ref at);
        }
        else
        {
            Text(span, ref at, row.VoorgaandReferentienummer.Span);
        }

        Int16(span, ref at, row.Retourcode1);
        Retourcode(span, ref at, row.Retourcode2);
        Retourcode(span, ref at, row.Retourcode3);
        Date(span, ref at, row.ReceivedOn);
        Bool(span, ref at, row.Production);

        // approved and declaration_year: plain columns written here, no longer generated by the server on every line
        // (specs/storage.md, "The row: what was measured and kept"). The row derives both from the values above.
        Bool(span, ref at, row.Approved);
        if (row.DeclarationYear is { } year)
        {
            Int16(span, ref at, year);
        }
        else
        {
            Null(span, ref at);
        }

        _position += at;
        Written++;
    }

    /// <summary>Ends the COPY (the server checks the last rows now) and returns how many lines were written.</summary>
    public async Task<long> CompleteAsync(CancellationToken cancellationToken = default)
    {
        var copy = _copy ?? throw new InvalidOperationException("the stream is completed or disposed");
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_position), -1);
        _position += 2;
        await copy.WriteAsync(_buffer.AsMemory(0, _position), cancellationToken).ConfigureAwait(false);
        _position = 0;
        _copy = null;

        // Disposing the raw stream sends CopyDone and waits for the server's verdict on the rows.
        await copy.DisposeAsync().ConfigureAwait(false);
        return Written;
    }

    /// <summary>Not completed: cancels the COPY, which fails the transaction (roll it back).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _copy, null) is { } copy)
        {
            try
            {
                await copy.CancelAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
            {
                // The COPY is gone with its connection, or already failed: either way nothing of it is stored.
            }

            await copy.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void Int64(Span<byte> span, ref int at, long value)
    {
        BinaryPrimitives.WriteInt32BigEndian(span[at..], 8);
        BinaryPrimitives.WriteInt64BigEndian(span[(at + 4)..], value);
        at += 12;
    }

    private static void Int32(Span<byte> span, ref int at, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(span[at..], 4);
        BinaryPrimitives.WriteInt32BigEndian(span[(at + 4)..], value);
        at += 8;
    }

    private static void Int16(Span<byte> span, ref int at, short value)
    {
        BinaryPrimitives.WriteInt32BigEndian(span[at..], 2);
        BinaryPrimitives.WriteInt16BigEndian(span[(at + 4)..], value);
        at += 6;
    }

    private static void Bool(Span<byte> span, ref int at, bool value)
    {
        BinaryPrimitives.WriteInt32BigEndian(span[at..], 1);
        span[at + 4] = value ? (byte)1 : (byte)0;
        at += 5;
    }

    private static void Null(Span<byte> span, ref int at)
    {
        BinaryPrimitives.WriteInt32BigEndian(span[at..], -1);
        at += 4;
    }

    private static void Date(Span<byte> span, ref int at, DateOnly? date)
    {
        if (date is { } value)
        {
            Int32(span, ref at, value.DayNumber - s_epoch);
        }
        else
        {
            Null(span, ref at);
        }
    }

    private static void Retourcode(Span<byte> span, ref int at, short code)
    {
        if (code != 0)
        {
            Int16(span, ref at, code);
        }
        else
        {
            Null(span, ref at);
        }
    }

    private static void Text(Span<byte> span, ref int at, ReadOnlySpan<char> text)
    {
        var length = Encoding.UTF8.GetBytes(text, span[(at + 4)..]);
        BinaryPrimitives.WriteInt32BigEndian(span[at..], length);
        at += 4 + length;
    }
}
