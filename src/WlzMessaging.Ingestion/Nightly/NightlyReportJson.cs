using System.Text.Json.Serialization;

namespace WlzMessaging.Ingestion.Nightly;

/// <summary>
/// The JSON of a <see cref="NightlyReport"/> as nightly_run stores it, generated at build time (no reflection): the same
/// options as the operators' views (camelCase, indented, enums as words), so status and the dashboard read it alike.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(NightlyReport))]
internal sealed partial class NightlyReportJson : JsonSerializerContext;
