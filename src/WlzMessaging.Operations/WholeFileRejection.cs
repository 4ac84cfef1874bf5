using System.Text.Json.Serialization;

namespace WlzMessaging.Operations;

/// <summary>
/// Files rejected as a whole (technisch afgekeurd: 0001 BESTAND AFGEKEURD on the 01 record) counted by their cause: the
/// file-level code that came with 0001 (0030 for an invoice number sent before, …). A file counts once under each cause it
/// carries; a file with 0001 alone counts under 0001. The report and the dashboard show these beside the line retourcodes,
/// labelled as whole-file, because a rejected file's lines are never judged and so never appear in a line ranking.
/// </summary>
/// <param name="Code">The cause, four digits (0001 when the file carries no other code).</param>
/// <param name="Meaning">The cause's meaning (COD954-VEKT).</param>
/// <param name="Files">The files rejected as a whole with this cause.</param>
/// <param name="Share">Of the files rejected as a whole in the same scope, 0 to 1.</param>
public sealed record WholeFileRejection(string Code, string Meaning, long Files, double Share)
{
    /// <summary>The code every whole-file rejection carries.</summary>
    public const string FileRejectedCode = "0001";

    /// <summary>How people see the codes: "0001 + 0030", or "0001" alone.</summary>
    [JsonIgnore]
    public string Codes => Code == FileRejectedCode ? FileRejectedCode : $"{FileRejectedCode} + {Code}";

    /// <summary>What the rows say they are: the scope is always "whole file" (a line ranking counts lines).</summary>
    public string Scope => "whole file";

    internal static List<WholeFileRejection> Rank(IEnumerable<Storage.Operations.CodeCount> causes, long rejectedFiles) =>
        causes
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Code)
            .Select(c => new WholeFileRejection(
                RetourcodeText.Code(c.Code), RetourcodeText.Meaning(c.Code), c.Count, rejectedFiles == 0 ? 0 : Math.Round((double)c.Count / rejectedFiles, 4)))
            .ToList();
}
