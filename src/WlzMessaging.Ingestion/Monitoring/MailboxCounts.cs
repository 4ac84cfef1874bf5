namespace WlzMessaging.Ingestion.Monitoring;

/// <summary>
/// The mailbox in the one state model, as one worker sees it: files waiting in its inbox (null before it counted), in
/// hand (0 or 1), answered and quarantined since it started. The metrics' <c>wlz.mailbox.files</c> reports it.
/// </summary>
public readonly record struct MailboxCounts(int? Waiting, int InHand, long Answered, long Quarantined);
