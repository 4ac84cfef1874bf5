namespace WlzMessaging.Reference;

/// <summary>One version of an annual production agreement (J): the first one, or a herschikking from its date on.</summary>
public readonly record struct AfspraakVersion(DateOnly GeldigVanaf, long JaarafspraakCent);
