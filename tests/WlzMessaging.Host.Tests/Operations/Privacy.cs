using System.Globalization;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Operations;

/// <summary>Checks that a view shows none of the BSNs in its database.</summary>
internal static class Privacy
{
    public static async Task AssertNoBsnAsync(TestDatabase database, string shown)
    {
        var bsns = await OperationsSeed.BsnsAsync(database.DataSource);
        Assert.NotEmpty(bsns);
        foreach (var bsn in bsns)
        {
            Assert.DoesNotContain(bsn.ToString(CultureInfo.InvariantCulture), shown, StringComparison.Ordinal);
        }
    }
}
