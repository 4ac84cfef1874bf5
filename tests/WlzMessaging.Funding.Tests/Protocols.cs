using WlzMessaging.Testing;

namespace WlzMessaging.Funding.Tests;

/// <summary>The protocol files of testdata/protocols, read as the host reads them.</summary>
internal static class Protocols
{
    public static string Directory(string name) => RepositoryRoot.Combine("testdata", "protocols", name);

    public static (string File, byte[] Utf8) File(string directory, string name) =>
        (name, System.IO.File.ReadAllBytes(Path.Combine(Directory(directory), name)));

    /// <summary>zk-voorbeeld 2024: factor 100/96, cutoff the 17th working day of February, another exempt list, settlement in February and March, no MNDP.</summary>
    public static AdvanceProtocol Second { get; } =
        AdvanceProtocolReader.Read("zk-voorbeeld-2024.json", File("second", "zk-voorbeeld-2024.json").Utf8);

    public static FundingSettings SecondSettings { get; } = FundingSettings.With(Second);
}
