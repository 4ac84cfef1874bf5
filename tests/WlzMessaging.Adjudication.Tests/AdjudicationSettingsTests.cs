namespace WlzMessaging.Adjudication.Tests;

public sealed class AdjudicationSettingsTests
{
    [Fact]
    public void A_year_closes_by_default_on_25_March_of_the_next_year()
    {
        var settings = AdjudicationSettings.Default;

        Assert.Equal(new DateOnly(2025, 3, 25), settings.CutoffFor(2024));
        Assert.False(settings.IsClosed(2024, new DateOnly(2025, 3, 25)));
        Assert.True(settings.IsClosed(2024, new DateOnly(2025, 3, 26)));
    }

    [Fact]
    public void A_configured_cutoff_replaces_the_default_for_its_year_only()
    {
        var settings = new AdjudicationSettings(new Dictionary<int, DateOnly> { [2024] = new(2025, 4, 30) });

        Assert.Equal(new DateOnly(2025, 4, 30), settings.CutoffFor(2024));
        Assert.Equal(new DateOnly(2026, 3, 25), settings.CutoffFor(2025));
    }

    [Fact]
    public void Refuses_a_cutoff_before_its_year()
    {
        Assert.Throws<ArgumentException>(() => new AdjudicationSettings(new Dictionary<int, DateOnly> { [2024] = new(2023, 12, 31) }));
    }

    [Fact]
    public void Year_9999_never_closes_as_it_has_no_next_year()
    {
        Assert.False(AdjudicationSettings.Default.IsClosed(9999, DateOnly.MaxValue));
    }
}
