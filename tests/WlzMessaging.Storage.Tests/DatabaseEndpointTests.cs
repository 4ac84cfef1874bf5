using WlzMessaging.Storage.Embedded;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests;

public sealed class DatabaseEndpointTests
{
    [Fact]
    public async Task A_connection_string_selects_the_external_server_and_its_description_hides_the_password()
    {
        await using var endpoint = await new StoreLocation("Host=db.example;Port=6543;Database=claims;Username=u;Password=secret", "/nonexistent").OpenEndpointAsync(null, default);

        var external = Assert.IsType<ExternalDatabaseEndpoint>(endpoint);
        Assert.Equal("PostgreSQL at db.example:6543, database claims", external.Description);
        Assert.DoesNotContain("secret", external.Description, StringComparison.Ordinal);
        Assert.Contains("Password=secret", external.ConnectionString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hots=db.example")]
    [InlineData("Database=claims")]
    public async Task An_unusable_connection_string_is_refused(string connectionString)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => new StoreLocation(connectionString, "").OpenEndpointAsync(null, default));
    }

    [Fact]
    public async Task Without_a_connection_string_the_embedded_server_in_the_data_directory_is_used()
    {
        var directory = ScratchDirectory.NewPath();
        try
        {
            var endpoint = await new StoreLocation(null, directory).OpenEndpointAsync(EmbeddedPostgresOptions.ForTests, default);
            await using (endpoint)
            {
                var embedded = Assert.IsType<EmbeddedDatabaseEndpoint>(endpoint);
                Assert.Equal(Path.GetFullPath(directory), embedded.Server.DataDirectory);
                await using var dataSource = endpoint.CreateDataSource();
                await using var command = dataSource.CreateCommand("SELECT current_database()");
                Assert.Equal("wlz", await command.ExecuteScalarAsync());
            }

            Assert.False(File.Exists(Path.Combine(directory, "pg", "postmaster.pid")));
        }
        finally
        {
            await EmbeddedPostgres.DeleteIfUnusedAsync(directory, EmbeddedPostgresOptions.ForTests);
        }
    }
}
