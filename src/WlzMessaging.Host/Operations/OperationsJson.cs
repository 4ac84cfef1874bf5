using System.Text.Json.Serialization;
using WlzMessaging.Host.Nightly;
using WlzMessaging.Host.Operations.Dashboard;
using WlzMessaging.Host.Operations.Report;
using WlzMessaging.Host.Operations.Status;

namespace WlzMessaging.Host.Operations;

/// <summary>The JSON of the operators' views, generated at build time (no reflection): camelCase, dates as YYYY-MM-DD.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(OperationsReport))]
[JsonSerializable(typeof(DashboardSnapshot))]
[JsonSerializable(typeof(DashboardError))]
[JsonSerializable(typeof(DashboardForecast))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(StatusSnapshot))]
[JsonSerializable(typeof(NightlyReport))]
internal sealed partial class OperationsJson : JsonSerializerContext;
