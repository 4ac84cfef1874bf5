using System.Buffers;
using System.IO.Pipelines;

namespace WlzMessaging.Vektis;

/// <summary>
/// Reads an AW319 or AW320 from a <see cref="PipeReader"/> and hands each record to a handler as a view over the
/// pipe's buffer: no copy for a record that lies in one segment, a copy into one reused buffer for a record that
/// straddles two, and no allocation per record either way. Lines that never end are cut off at
/// <see cref="VektisReaderOptions.MaxLineLength"/>, so memory stays bounded whatever the input. Bad input never throws:
/// it ends as faults with retourcodes in the <see cref="VektisReadResult"/> or on the record.
/// </summary>
public sealed class VektisReader
{
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    private readonly VektisReaderOptions _options;
    private readonly VektisReadResult _result = new();
    private readonly StructureChecker _checker;

    // One reused buffer for a record that straddles two segments; sized for the longest line we ever look at.
    private readonly byte[] _straddle;

    private long _recordNumber;
    private bool _skippingLongLine;
    private bool _stopped;

    private VektisReader(VektisReaderOptions options)
    {
        // A limit below a whole AW320 record and its CR would cut every valid record off as a runaway line.
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLineLength, Aw320Layout.RecordLength + 1, nameof(options));
        _options = options;
        _checker = new StructureChecker(options, _result);
        _straddle = new byte[Math.Max(options.MaxLineLength, Aw320Layout.RecordLength) + 2];
    }

    /// <summary>Reads a whole file from a pipe, calling <paramref name="handler"/> for every record.</summary>
    public static async ValueTask<VektisReadResult> ReadAsync<THandler>(
        PipeReader input, THandler handler, VektisReaderOptions? options = null, CancellationToken cancellationToken = default)
        where THandler : IVektisRecordHandler
    {
        var reader = new VektisReader(options ?? VektisReaderOptions.Default);
        return await reader.RunAsync(input, handler, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a whole file from a stream through a pipe with a large buffer.</summary>
    public static async ValueTask<VektisReadResult> ReadAsync<THandler>(
        Stream stream, THandler handler, VektisReaderOptions? options = null, CancellationToken cancellationToken = default)
        where THandler : IVektisRecordHandler
    {
        options ??= VektisReaderOptions.Default;
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: options.BufferSize, minimumReadSize: options.BufferSize / 4, leaveOpen: true));
        return await ReadAsync(pipe, handler, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a file from disk with the file's own buffering off (the pipe buffers).</summary>
    public static async ValueTask<VektisReadResult> ReadFileAsync<THandler>(
        string path, THandler handler, VektisReaderOptions? options = null, CancellationToken cancellationToken = default)
        where THandler : IVektisRecordHandler
    {
        var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            BufferSize = 0,
            Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
        });
        await using (file.ConfigureAwait(false))
        {
            return await ReadAsync(file, handler, options, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<VektisReadResult> RunAsync<THandler>(PipeReader input, THandler handler, CancellationToken cancellationToken)
        where THandler : IVektisRecordHandler
    {
        try
        {
            while (true)
            {
                var read = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = read.Buffer;
                var consumed = ParseLines(buffer, read.IsCompleted, handler);
                _result.Bytes += buffer.Slice(0, consumed).Length;
                await handler.AfterBatchAsync(cancellationToken).ConfigureAwait(false);
                if (_stopped)
                {
                    break;
                }

                if (read.IsCompleted)
                {
                    // What is left has no line end: the last record lacks its CR LF.
                    var rest = buffer.Slice(consumed);
                    if (!rest.IsEmpty)
                    {
                        _result.Bytes += rest.Length;
                        FinishUnterminated(rest, handler);
                    }

                    break;
                }

                input.AdvanceTo(consumed, buffer.End);
            }
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
        }

        if (_recordNumber == 0 && _result.NotVektisReason is null)
        {
            // Bytes but no record: nothing but line ends (CR LF), which is not an empty file and is not called one.
            _result.NotVektisReason = _result.Bytes == 0 ? "the file is empty" : "the file holds no record: only line ends (CR LF or LF)";
        }

        if (_result.IsVektis)
        {
            _checker.Complete();
        }

        return _result;
    }

    /// <summary>Hands every complete line in <paramref name="buffer"/> to the record logic; returns how far it got.</summary>
    private SequencePosition ParseLines<THandler>(ReadOnlySequence<byte> buffer, bool isCompleted, THandler handler)
        where THandler : IVektisRecordHandler
    {
        var reader = new SequenceReader<byte>(buffer);
        while (!reader.End && !_stopped)
        {
            if (_skippingLongLine)
            {
                if (!reader.TryAdvanceTo(Lf))
                {
                    reader.AdvanceToEnd();
                    break;
                }

                _skippingLongLine = false;
                continue;
            }

            // Fast path: whole lines in the current segment, each a slice of it, taken in one loop without going back
            // through the SequenceReader for every record.
            var unread = reader.UnreadSpan;
            var taken = ParseWholeLines(unread, handler);
            if (taken > 0)
            {
                reader.Advance(taken);
                continue;
            }

            var window = unread.Length > _options.MaxLineLength + 1 ? unread[..(_options.MaxLineLength + 1)] : unread;
            if (window.Length > _options.MaxLineLength)
            {
                OnRunaway(unread[.._options.MaxLineLength], handler);
                reader.Advance(_options.MaxLineLength);
                continue;
            }

            // Slow path: the line runs into the next segment. Look for its end within the limit and copy it whole.
            var limit = Math.Min(reader.Remaining, _options.MaxLineLength + 1);
            var ahead = buffer.Slice(reader.Position, limit);
            var end = ahead.PositionOf(Lf);
            if (end is { } position)
            {
                var line = ahead.Slice(0, position);
                var length = (int)line.Length;
                line.CopyTo(_straddle);
                OnLine(_straddle.AsSpan(0, length), terminated: true, mayHoldCr: true, handler);
                reader.Advance(length + 1);
                continue;
            }

            if (limit > _options.MaxLineLength)
            {
                var start = (int)Math.Min(ahead.Length, _straddle.Length);
                ahead.Slice(0, start).CopyTo(_straddle);
                OnRunaway(_straddle.AsSpan(0, Math.Min(start, _options.MaxLineLength)), handler);
                reader.Advance(_options.MaxLineLength);
                continue;
            }

            // Not enough data for a whole line yet: wait for more (or the end of the file).
            break;
        }

        return reader.Position;
    }

    /// <summary>
    /// Hands every line that ends within <paramref name="span"/> (and within the line limit) to the record logic; returns
    /// the bytes consumed, 0 when the first line does not end in the span.
    /// </summary>
    private int ParseWholeLines<THandler>(ReadOnlySpan<byte> span, THandler handler)
        where THandler : IVektisRecordHandler
    {
        var offset = 0;
        while (offset < span.Length && !_stopped)
        {
            var rest = span[offset..];
            var window = rest.Length > _options.MaxLineLength + 1 ? rest[..(_options.MaxLineLength + 1)] : rest;

            // One scan finds the line end: the first CR or LF. A CR right before its LF is the usual end, and then the
            // record holds no CR, so OnLine need not look for a stray one.
            var end = window.IndexOfAny(Cr, Lf);
            if (end < 0)
            {
                break;
            }

            if (window[end] == Lf)
            {
                OnLine(rest[..end], terminated: true, mayHoldCr: false, handler);
                offset += end + 1;
                continue;
            }

            if (end + 1 < window.Length && window[end + 1] == Lf)
            {
                OnLine(rest[..(end + 1)], terminated: true, mayHoldCr: false, handler);
                offset += end + 2;
                continue;
            }

            // A CR inside the line, or a CR at the end of the window whose LF (if any) lies further on: the line ends at
            // the next LF, and the record may hold a stray CR.
            var lf = window[(end + 1)..].IndexOf(Lf);
            if (lf < 0)
            {
                break;
            }

            lf += end + 1;
            OnLine(rest[..lf], terminated: true, mayHoldCr: true, handler);
            offset += lf + 1;
        }

        return offset;
    }

    private void FinishUnterminated<THandler>(ReadOnlySequence<byte> rest, THandler handler)
        where THandler : IVektisRecordHandler
    {
        if (_skippingLongLine)
        {
            return;
        }

        var length = (int)Math.Min(rest.Length, _straddle.Length);
        rest.Slice(0, length).CopyTo(_straddle);
        OnLine(_straddle.AsSpan(0, length), terminated: false, mayHoldCr: true, handler);
    }

    /// <summary>A line that went on past the limit without a line end: one fault, and the rest of it is skipped.</summary>
    private void OnRunaway<THandler>(ReadOnlySpan<byte> start, THandler handler)
        where THandler : IVektisRecordHandler
    {
        _skippingLongLine = true;
        _recordNumber++;
        if (_recordNumber == 1)
        {
            NotVektis($"no line end in the first {_options.MaxLineLength} bytes");
            if (_stopped)
            {
                return;
            }
        }

        AddFault(Retourcodes.CrLfOnjuist, $"no CR LF within {_options.MaxLineLength} bytes; the rest of the line was skipped");
        AddFault(Retourcodes.LengteRecordOnjuist, $"record longer than {_options.MaxLineLength} bytes");
        var type = VektisRecord.TypeOf(start);
        _checker.CountMalformed(type, _recordNumber);
        Deliver(start, type, default, hasValidLength: false, handler);
    }

    /// <summary>
    /// One line without its LF: checks its ending and length, then the record itself. <paramref name="mayHoldCr"/> is
    /// false when the caller's scan already showed no CR before the line's end, which spares a second scan of the record.
    /// </summary>
    private void OnLine<THandler>(ReadOnlySpan<byte> line, bool terminated, bool mayHoldCr, THandler handler)
        where THandler : IVektisRecordHandler
    {
        // A CR at the end belongs to the line end, also on a last line the file cut off before its LF: that record lacks
        // its LF (8095), it is not a record one position too long (0804).
        var record = line;
        var endsWithCr = record.Length > 0 && record[^1] == Cr;
        if (endsWithCr)
        {
            record = record[..^1];
        }

        var endsWithCrLf = terminated && endsWithCr;

        if (record.IsEmpty)
        {
            // An empty line is not a record: a CR LF without a record before it.
            if (_recordNumber == 0 && !terminated)
            {
                return;
            }

            AddFault(Retourcodes.CrLfOnjuist, $"empty line after record {_recordNumber}", _recordNumber);
            return;
        }

        _recordNumber++;
        var type = VektisRecord.TypeOf(record);
        if (_recordNumber == 1 && !StartMessage(record, type))
        {
            if (_stopped)
            {
                return;
            }
        }

        if (!endsWithCrLf || (mayHoldCr && record.Contains(Cr)))
        {
            AddFault(Retourcodes.CrLfOnjuist, terminated ? "record not ended by CR LF" : "last record not ended by CR LF");
        }

        var expected = _checker.ExpectedLength;
        if (record.Length != expected)
        {
            AddFault(Retourcodes.LengteRecordOnjuist, $"record is {record.Length} positions, expected {expected}");
            _checker.CountMalformed(type, _recordNumber);
            Deliver(record, type, default, hasValidLength: false, handler);
            return;
        }

        var faults = _checker.Check(record, type, _recordNumber);
        if (!faults.IsEmpty)
        {
            _result.RecordsWithFaults++;
        }

        Deliver(record, type, faults, hasValidLength: true, handler);
    }

    /// <summary>
    /// The first record decides whether this is a Vektis message at all and which one: a voorlooprecord of 310
    /// (AW319) or 370 (AW320) positions. Anything else cannot be answered and is quarantined.
    /// </summary>
    private bool StartMessage(ReadOnlySpan<byte> record, RecordType type)
    {
        var length = record.Length;
        if (type != RecordType.Voorloop)
        {
            NotVektis("the first record is not a voorlooprecord (0101 is not 01)");
            AddFault(Retourcodes.KenmerkRecordOnjuist, "the first record is not a voorlooprecord");
            AddFault(Retourcodes.VolgordeRecordtypenOnjuist, "the file does not start with a voorlooprecord");
            _result.Kind = MessageKind.Aw319;
            return false;
        }

        // A first line cut off before 0102 has no message code (slicing it would throw): it is simply not Vektis below.
        var codeBericht = Aw319Layout.Voorloop.CodeBericht;
        var code = record.Length >= codeBericht.End && Numeric.TryParse(codeBericht.Slice(record), out var c) ? c : -1;
        _result.Kind = (length, code) switch
        {
            (Aw320Layout.RecordLength, _) => MessageKind.Aw320,
            (_, Aw320Layout.MessageCode) when length > Aw319Layout.RecordLength => MessageKind.Aw320,
            _ => MessageKind.Aw319,
        };

        if (length != Aw319Layout.RecordLength && length != Aw320Layout.RecordLength)
        {
            NotVektis($"the voorlooprecord is {length} positions, not {Aw319Layout.RecordLength} (AW319) or {Aw320Layout.RecordLength} (AW320)");
            return false;
        }

        return true;
    }

    private void NotVektis(string reason)
    {
        _result.NotVektisReason ??= reason;
        if (!_options.ContinueWhenNotVektis)
        {
            _stopped = true;
        }
    }

    private void Deliver<THandler>(ReadOnlySpan<byte> record, RecordType type, RetourcodeSet faults, bool hasValidLength, THandler handler)
        where THandler : IVektisRecordHandler
    {
        _result.Records = _recordNumber;
        handler.OnRecord(new VektisRecord(record, type, _recordNumber, faults, hasValidLength));
    }

    private void AddFault(Retourcode code, string message, long? recordNumber = null) =>
        _result.AddFileFault(code, recordNumber ?? _recordNumber, message, _options.MaxFileFaults);
}
