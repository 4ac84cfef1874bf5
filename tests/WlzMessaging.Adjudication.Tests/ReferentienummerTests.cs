using System.Text;

namespace WlzMessaging.Adjudication.Tests;

public sealed class ReferentienummerTests
{
    private static byte[] Field(string text) => Encoding.Latin1.GetBytes(text.PadRight(20));

    [Fact]
    public void A_field_and_its_text_without_padding_are_the_same_reference()
    {
        var fromField = Referentienummer.FromField(Field("REF-0001"));
        var fromText = Referentienummer.FromText("REF-0001");

        Assert.Equal(fromField, fromText);
        Assert.True(fromField == fromText);
        Assert.Equal(fromField.GetHashCode(), fromText.GetHashCode());
        Assert.Equal("REF-0001", fromField.ToString());
    }

    [Fact]
    public void Every_position_counts()
    {
        Assert.NotEqual(Referentienummer.FromText("REF-0001"), Referentienummer.FromText("REF-0002"));
        Assert.NotEqual(Referentienummer.FromText("12345678901234567890"), Referentienummer.FromText("12345678901234567899"));
        Assert.NotEqual(Referentienummer.FromText("ABCDEFGH1"), Referentienummer.FromText("ABCDEFGH2"));
        Assert.NotEqual(Referentienummer.FromText(" A"), Referentienummer.FromText("A"));
    }

    [Fact]
    public void A_field_of_spaces_is_the_empty_reference()
    {
        var empty = Referentienummer.FromField(Field(""));

        Assert.True(empty.IsEmpty);
        Assert.Equal(default, empty);
        Assert.Equal("", empty.ToString());
        Assert.False(Referentienummer.FromText("0").IsEmpty);
    }

    [Fact]
    public void Writes_its_twenty_bytes_and_its_text_back()
    {
        var value = Referentienummer.FromText("Ö-12 34");
        var bytes = new byte[20];
        var chars = new char[20];

        value.CopyTo(bytes);
        Assert.True(value.TryFormat(chars, out var written));

        Assert.Equal(Field("Ö-12 34"), bytes);
        Assert.Equal("Ö-12 34", new string(chars, 0, written));
        Assert.False(value.TryFormat(new char[3], out _));
    }

    [Fact]
    public void Refuses_text_that_no_field_can_hold()
    {
        Assert.False(Referentienummer.TryFromText(new string('X', 21), out _));
        Assert.False(Referentienummer.TryFromText("€", out _));
        Assert.Throws<ArgumentException>(() => Referentienummer.FromText("TAB\t"));
        Assert.Throws<ArgumentException>(() => Referentienummer.FromField(new byte[21]));
    }
}
