using WlzMessaging.Reference.Csv;

namespace WlzMessaging.Reference.Tests.Csv;

public sealed class ReferenceDataSetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wlz-reference-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_directory_with_some_of_the_files_gives_results_for_those_only()
    {
        File.Copy(Path.Combine(SampleData.Directory, "tarieven.csv"), Path.Combine(_directory, "tarieven.csv"));
        File.Copy(Path.Combine(SampleData.Directory, "maz.csv"), Path.Combine(_directory, "maz.csv"));

        var set = ReferenceDataSet.Load(_directory);

        Assert.Equal(["tarieven.csv", "maz.csv"], set.Files.Select(f => f.FileName));
        Assert.Null(set.Providers);
        Assert.Null(set.Koppeltabel);
        Assert.Equal(14, set.Tarieven!.RowCount);
        Assert.True(set.IsValid);
    }

    [Fact]
    public void An_empty_directory_is_a_valid_set_without_files()
    {
        var set = ReferenceDataSet.Load(_directory);

        Assert.Empty(set.Files);
        Assert.True(set.IsValid);
        Assert.Empty(set.ToTables().Providers);
    }

    [Fact]
    public void A_csv_file_under_another_name_is_listed_as_ignored()
    {
        File.WriteAllText(Path.Combine(_directory, "Tarieven.csv"), "agb;jaar;prestatiecode;tarief_cent;ingevoerd_op\n");
        File.WriteAllText(Path.Combine(_directory, "tarieven_2025.csv"), "agb;jaar;prestatiecode;tarief_cent;ingevoerd_op\n");
        File.WriteAllText(Path.Combine(_directory, "readme.txt"), "not a table");

        var set = ReferenceDataSet.Load(_directory);

        Assert.Empty(set.Files);
        Assert.Equal(["Tarieven.csv", "tarieven_2025.csv"], set.IgnoredFiles);
    }

    [Fact]
    public void A_bad_file_makes_the_set_invalid_and_names_its_problems_while_good_files_keep_their_rows()
    {
        File.Copy(Path.Combine(SampleData.Directory, "providers.csv"), Path.Combine(_directory, "providers.csv"));
        File.WriteAllText(Path.Combine(_directory, "invorderingen.csv"), "agb;jaar;bedrag_cent\n73730002;2024;0\n");

        var set = ReferenceDataSet.Load(_directory);

        Assert.False(set.IsValid);
        Assert.Equal(3, set.Providers!.RowCount);
        Assert.Equal(["invorderingen.csv:2: bedrag_cent: must be more than 0: \"0\""], set.Problems.Select(p => p.ToString()));
        Assert.Throws<InvalidOperationException>(() => set.ToTables());
    }

    [Fact]
    public void A_directory_that_does_not_exist_is_a_configuration_error()
    {
        Assert.Throws<DirectoryNotFoundException>(() => ReferenceDataSet.Load(Path.Combine(_directory, "missing")));
    }

    [Fact]
    public void The_tables_of_a_complete_valid_set_hold_every_row()
    {
        var tables = SampleData.DataSet.ToTables();

        Assert.Equal(
            [3, 12, 6, 14, 6, 3, 3, 1],
            [
                tables.Providers.Count, tables.Koppeltabel.Count, tables.Afspraken.Count, tables.Tarieven.Count,
                tables.Maz.Count, tables.Meerzorg.Count, tables.Mndp.Count, tables.Invorderingen.Count,
            ]);
    }
}
