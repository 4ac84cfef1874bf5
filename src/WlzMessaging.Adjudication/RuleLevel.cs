namespace WlzMessaging.Adjudication;

/// <summary>What a rule judges, as the level column of specs/rules.md names it.</summary>
public enum RuleLevel
{
    /// <summary>The file as a whole (01); a rejection answers with 0001 and the code.</summary>
    File,

    /// <summary>A client (02); a rejection gives every line under it 8002.</summary>
    Client,

    /// <summary>One declaration line (04).</summary>
    Line,
}
