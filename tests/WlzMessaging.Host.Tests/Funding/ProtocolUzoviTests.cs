using Microsoft.Extensions.Configuration;
using WlzMessaging.Funding;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion.Funding;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Operations.Funding;
using WlzMessaging.Storage;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Funding;

/// <summary>
/// A protocol directory holding the protocols of two zorgkantoren for the same year (VGZ 2024 for UZOVI 5509, the second
/// protocol of testdata for 5601 and 5602): the configured <c>Uzovi</c> picks the one that covers it, and a code none covers
/// is one precise error naming the code and the directory.
/// </summary>
public sealed class ProtocolUzoviTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wlz-uzovi-" + Guid.NewGuid().ToString("N"));

    public ProtocolUzoviTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllBytes(Path.Combine(_dir, "vgz-wlz-2024.json"), AdvanceProtocolReader.ShippedBytes());
        File.Copy(RepositoryRoot.Combine("testdata", "protocols", "second", "zk-voorbeeld-2024.json"), Path.Combine(_dir, "zk-voorbeeld-2024.json"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("5509", "vgz-wlz", "2025-03-25")]
    [InlineData("5601", "zk-voorbeeld", "2025-02-26")]
    [InlineData("5602", "zk-voorbeeld", "2025-02-26")]
    public void The_configured_Uzovi_selects_the_protocol_that_covers_it(string uzovi, string protocol, string cutoff)
    {
        var settings = ProtocolFiles.Load(_dir, int.Parse(uzovi, System.Globalization.CultureInfo.InvariantCulture));

        Assert.StartsWith(protocol, settings.ProtocolFor(2024).Label, StringComparison.Ordinal);
        Assert.Equal(DateOnly.Parse(cutoff, System.Globalization.CultureInfo.InvariantCulture), Configured(uzovi, _dir).CutoffFor(2024));
    }

    [Fact]
    public void Without_Uzovi_the_two_protocols_of_2024_are_refused_as_before()
    {
        var error = Assert.Single(Assert.Throws<ProtocolFileException>(() => ProtocolFiles.Load(_dir)).Errors);

        Assert.Equal("$.year", error.Path);
    }

    [Fact]
    public void A_Uzovi_no_protocol_covers_is_one_error_naming_the_code_and_the_directory()
    {
        var error = Assert.Single(Assert.Throws<ProtocolFileException>(() => Configured("1234", _dir)).Errors);

        Assert.Equal($"{_dir}: $.uzovi: no protocol covers UZOVI 1234 (the files cover 5509, 5601, 5602)", error.ToString());
    }

    [Fact]
    public void The_worker_s_dashboard_gets_the_protocols_of_its_Uzovi()
    {
        var settings = WlzMessaging.Ingestion.Worker.WorkerSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Uzovi"] = "5601",
            ["Mailbox:Inbox"] = Path.Combine(_dir, "in"),
            ["Mailbox:Outbox"] = Path.Combine(_dir, "out"),
            ["Mailbox:Archive"] = Path.Combine(_dir, "archive"),
            ["Mailbox:Quarantine"] = Path.Combine(_dir, "quarantine"),
            ["Funding:Protocols"] = _dir,
        }).Build());

        Assert.StartsWith("zk-voorbeeld", settings.Funding.ProtocolFor(2024).Label, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 2, 26), settings.CutoffFor(2024));
    }

    private static WlzMessaging.Adjudication.AdjudicationSettings Configured(string uzovi, string directory) => AdjudicatingAnswering.SettingsFrom(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Uzovi"] = uzovi,
            ["Funding:Protocols"] = directory,
        }).Build());
}
