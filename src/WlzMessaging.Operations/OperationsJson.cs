using System.Text.Json.Serialization;
using WlzMessaging.Operations.Dashboard;
using WlzMessaging.Operations.Report;
using WlzMessaging.Operations.Status;

namespace WlzMessaging.Operations;

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
public sealed partial class OperationsJson : JsonSerializerContext;
