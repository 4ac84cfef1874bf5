namespace WlzMessaging.Vektis.Tests;

/// <summary>
/// N fields parsed straight from the bytes. <see cref="Numeric.TryParse"/> takes eight and four digits at a time, so it is
/// held to a plain digit-by-digit reading: every length, every position holding every byte value, and random fields.
/// </summary>
public sealed class NumericTests
{
    /// <summary>The obvious reading, one byte at a time: what the fast one must agree with.</summary>
    private static (bool Ok, long Value) Plain(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty || field.Length > 18)
        {
            return (false, 0);
        }

        long value = 0;
        foreach (var b in field)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return (false, 0);
            }

            value = (value * 10) + (b - '0');
        }

        return (true, value);
    }

    private static void AssertAgrees(ReadOnlySpan<byte> field)
    {
        var expected = Plain(field);
        var ok = Numeric.TryParse(field, out var value);
        Assert.True(expected == (ok, value), $"'{Convert.ToHexString(field)}': expected {expected}, got ({ok}, {value})");
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData("0042", 42)]
    [InlineData("12345678", 12_345_678)]
    [InlineData("99999999", 99_999_999)]
    [InlineData("999999999", 999_999_999)]
    [InlineData("000000000123", 123)]
    [InlineData("20260131", 20_260_131)]
    [InlineData("999999999999999999", 999_999_999_999_999_999)]
    public void Reads_the_value_of_digits(string text, long expected)
    {
        Assert.True(Numeric.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 123")]
    [InlineData("1234 678")]
    [InlineData("1234567/")]
    [InlineData(":2345678")]
    [InlineData("-1")]
    [InlineData("1234567890123456789")]
    public void Refuses_anything_but_one_to_eighteen_digits(string text)
    {
        Assert.False(Numeric.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(0, value);
    }

    [Fact]
    public void Agrees_with_a_plain_reading_for_every_byte_value_at_every_position_of_every_length()
    {
        var random = new Random(319);
        for (var length = 1; length <= 19; length++)
        {
            var field = new byte[length];
            for (var i = 0; i < length; i++)
            {
                field[i] = (byte)('0' + random.Next(10));
            }

            AssertAgrees(field);
            for (var at = 0; at < length; at++)
            {
                var digit = field[at];
                for (var b = 0; b < 256; b++)
                {
                    field[at] = (byte)b;
                    AssertAgrees(field);
                }

                field[at] = digit;
            }
        }
    }

    [Fact]
    public void Agrees_with_a_plain_reading_on_random_fields_of_digits_and_near_digits()
    {
        // Mostly digits, sometimes the bytes right around them ('/' ':'), sometimes anything: the edges of the check.
        var random = new Random(320);
        byte[] near = [(byte)'/', (byte)':', (byte)' ', 0x00, 0x80, 0xB0, 0xB9, 0xFF];
        for (var n = 0; n < 200_000; n++)
        {
            var field = new byte[random.Next(1, 20)];
            for (var i = 0; i < field.Length; i++)
            {
                var roll = random.Next(100);
                field[i] = roll < 97 ? (byte)('0' + random.Next(10)) : roll < 99 ? near[random.Next(near.Length)] : (byte)random.Next(256);
            }

            AssertAgrees(field);
        }
    }

    [Fact]
    public void Reads_back_what_it_formats()
    {
        var random = new Random(321);
        for (var n = 0; n < 10_000; n++)
        {
            var width = random.Next(1, 19);
            var value = random.NextInt64((long)Math.Pow(10, width));
            var field = new byte[width];
            Assert.True(Numeric.TryFormat(value, field));
            Assert.True(Numeric.TryParse(field, out var read));
            Assert.Equal(value, read);
        }
    }
}
