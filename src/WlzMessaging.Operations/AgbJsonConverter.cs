using System.Text.Json;
using System.Text.Json.Serialization;
using WlzMessaging.Reference;

namespace WlzMessaging.Operations;

/// <summary>
/// An AGB code in the operators' JSON: always a string of 8 digits ("01234567" keeps its leading zero), as the funding JSON
/// writes it, or null where a row has no provider. The views hold it as a number (as the store does).
/// </summary>
public sealed class AgbJsonConverter : JsonConverter<int?>
{
    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.GetInt32(),
        _ => AgbCode.ToInt(reader.GetString()!),
    };

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } agb)
        {
            writer.WriteStringValue(AgbCode.ToText(agb));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
