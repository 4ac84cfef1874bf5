using System.Text.Json;
using System.Text.Json.Nodes;

namespace WlzMessaging.Operations;

/// <summary>
/// The nightly run's report as the views show it. The nightly job promises a report without personal data; this view does
/// not rely on the promise: it drops properties whose name speaks of a BSN, a name or a birth date, and masks every value
/// of nine digits (the shape of a BSN; AGB codes have eight) except amounts in cents (a property named <c>…Cents</c>).
/// </summary>
internal static class NightlyReportView
{
    public const string Masked = "(hidden)";

    private static readonly string[] s_personalParts = ["bsn", "burgerservice", "geboorte", "birth", "patient", "voorletters", "clientnummer", "client_nummer"];

    private static readonly string[] s_organisationPrefixes = ["provider", "aanbieder", "zorgaanbieder", "instelling", "file", "bestand"];

    /// <summary>The report without personal data; null when there is none or it is not JSON.</summary>
    public static JsonNode? Redact(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }

        return Redact(node);
    }

    /// <summary>The scalar members of the report's top level, as "name value" pairs for a one-line summary.</summary>
    public static IReadOnlyList<(string Name, string Value)> TopLevel(JsonNode? report) =>
        report is JsonObject obj
            ? obj.Where(p => p.Value is JsonValue).Select(p => (p.Key, p.Value!.ToJsonString().Trim('"'))).ToList()
            : [];

    private static JsonNode? Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (IsPersonal(key))
                    {
                        continue;
                    }

                    // Amounts in cents are money, however many digits they have (a jaarafspraak of 8.5 million euros has nine).
                    copy[IsBsnLike(key) ? Masked : key] = IsMoney(key) && value is JsonValue ? value.DeepClone() : Redact(value);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(Redact(item));
                }

                return items;
            case JsonValue value:
                var text = value.ToJsonString().Trim('"');
                return IsBsnLike(text) ? JsonValue.Create(Masked) : value.DeepClone();
            default:
                return null;
        }
    }

    /// <summary>A property about a person: a BSN, a birth date, a client number, or a name that is not an organisation's or a file's.</summary>
    internal static bool IsPersonal(string key)
    {
        var lower = key.ToLowerInvariant();
        if (s_personalParts.Any(p => lower.Contains(p, StringComparison.Ordinal)))
        {
            return true;
        }

        return (lower.EndsWith("naam", StringComparison.Ordinal) || lower.EndsWith("name", StringComparison.Ordinal))
            && !s_organisationPrefixes.Any(p => lower.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>A property holding eurocents (<c>amountCents</c>, <c>tarief_cent</c>).</summary>
    internal static bool IsMoney(string key) =>
        key.EndsWith("Cents", StringComparison.Ordinal) || key.EndsWith("_cents", StringComparison.Ordinal) || key.EndsWith("_cent", StringComparison.Ordinal);

    private static bool IsBsnLike(string text) => text.Length == 9 && text.All(char.IsAsciiDigit);
}
