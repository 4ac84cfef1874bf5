namespace WlzMessaging.Storage.Migrations;

/// <summary>What a migration run did: the migrations it applied now, and how many had been applied before.</summary>
public sealed record MigrationResult(IReadOnlyList<Migration> Applied, int AlreadyApplied);
