using System.Buffers;

namespace WlzMessaging.Vektis.Tests.Support;

/// <summary>A byte array cut into a chain of segments of a given size, so records straddle segment borders.</summary>
internal static class Segmented
{
    /// <summary>The data cut at the given lengths, one after the other (the last segment takes what is left).</summary>
    public static ReadOnlySequence<byte> Of(byte[] data, IEnumerable<int> sizes)
    {
        Segment? first = null;
        Segment? last = null;
        var offset = 0;
        using var size = sizes.GetEnumerator();
        while (offset < data.Length)
        {
            var length = size.MoveNext() ? Math.Min(Math.Max(1, size.Current), data.Length - offset) : data.Length - offset;
            var memory = data.AsMemory(offset, length);
            last = last is null ? first = new Segment(memory, 0) : last.Append(memory);
            offset += length;
        }

        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    public static ReadOnlySequence<byte> Of(byte[] data, int size)
    {
        if (data.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(data.AsMemory(0, Math.Min(size, data.Length)), 0);
        var last = first;
        for (var offset = size; offset < data.Length; offset += size)
        {
            last = last.Append(data.AsMemory(offset, Math.Min(size, data.Length - offset)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
