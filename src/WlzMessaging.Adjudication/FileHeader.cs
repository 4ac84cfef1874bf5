namespace WlzMessaging.Adjudication;

/// <summary>
/// What the voorlooprecord says about the file as a whole, as the prepass read it: the provider, production or test, the
/// declared period's end (lateness, R01) and the invoice number (F02).
/// </summary>
/// <param name="Instellingscode">0112 INSTELLINGSCODE: the provider's AGB code; -1 when the file had no readable 01.</param>
/// <param name="IsTest">0105 SOORT BERICHT is T: adjudicated in full, never history.</param>
/// <param name="EinddatumDeclaratieperiode">0115, null when not a valid date (the reader then rejects the file).</param>
/// <param name="Factuurnummer">0116 without its right padding.</param>
/// <param name="DagtekeningFactuur">0117, null when not a valid date (the reader then rejects the file); no line may lie
/// after it (8176-8178).</param>
public sealed record FileHeader(int Instellingscode, bool IsTest, DateOnly? EinddatumDeclaratieperiode, string Factuurnummer, DateOnly? DagtekeningFactuur = null);
