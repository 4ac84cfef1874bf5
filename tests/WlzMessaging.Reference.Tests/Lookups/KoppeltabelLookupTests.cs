using static WlzMessaging.Reference.Tests.SampleData;

namespace WlzMessaging.Reference.Tests.Lookups;

public class KoppeltabelLookupTests
{
    [Fact]
    public void A_code_is_found_by_the_bytes_of_the_AW319_field()
    {
        Assert.True(Snapshot.TryGetKoppeling(PrestatieCode.FromAscii("Z015 "u8), Date("2025-01-01"), Date("2025-01-31"), out var entry));
        Assert.Equal(Tijdseenheid.Etmaal, entry.Eenheid);
        Assert.Equal(36, entry.Row.Prestatiegroep);
    }

    [Fact]
    public void An_unknown_code_is_not_found()
    {
        Assert.False(Snapshot.TryGetKoppeling(Code("X999"), Date("2025-01-01"), Date("2025-01-31"), out _));
        Assert.True(Snapshot.GetKoppelingen(ReferenceSnapshot.WlzPrestatiecodelijst, Code("X999")).IsEmpty);
    }

    [Fact]
    public void A_code_of_list_055_is_not_found_under_another_list()
    {
        Assert.False(Snapshot.TryGetKoppeling(54, Code("Z015"), Date("2025-01-01"), Date("2025-01-31"), out _));
        Assert.True(Snapshot.TryGetKoppeling(55, Code("Z015"), Date("2025-01-01"), Date("2025-01-31"), out _));
    }

    [Fact]
    public void A_code_is_not_valid_before_its_ingangsdatum()
    {
        Assert.False(Snapshot.TryGetKoppeling(Code("Z015"), Date("2014-12-31"), Date("2015-01-31"), out _));
        Assert.True(Snapshot.TryGetKoppeling(Code("Z015"), Date("2015-01-01"), Date("2015-01-31"), out _));
    }

    [Fact]
    public void A_code_is_valid_through_its_einddatum_and_not_a_day_later()
    {
        // F125 ends on 2025-06-30 in the sample.
        Assert.True(Snapshot.TryGetKoppeling(Code("F125"), Date("2025-06-01"), Date("2025-06-30"), out _));
        Assert.True(Snapshot.TryGetKoppeling(Code("F125"), Date("2025-06-30"), Date("2025-06-30"), out _));
        Assert.False(Snapshot.TryGetKoppeling(Code("F125"), Date("2025-06-30"), Date("2025-07-01"), out _));
        Assert.False(Snapshot.TryGetKoppeling(Code("F125"), Date("2025-07-01"), Date("2025-07-01"), out _));
    }

    [Fact]
    public void Each_version_of_a_code_answers_for_its_own_period()
    {
        // H300 allows functie 04 through 2024, and 04 or 05 from 2025 on.
        Assert.True(Snapshot.TryGetKoppeling(Code("H300"), Date("2024-12-01"), Date("2024-12-31"), out var old));
        Assert.True(Snapshot.TryGetKoppeling(Code("H300"), Date("2025-01-01"), Date("2025-01-31"), out var current));

        Assert.Equal(Date("2024-12-31"), old.Einddatum);
        Assert.False(old.Allows(functiecode: 5, zzpcode: 0));
        Assert.True(current.Allows(functiecode: 5, zzpcode: 0));
        Assert.True(current.Allows(functiecode: 4, zzpcode: 0));
        Assert.Equal(2, Snapshot.GetKoppelingen(55, Code("H300")).Length);
    }

    [Fact]
    public void A_line_spanning_two_versions_of_a_code_is_valid_under_neither()
    {
        Assert.False(Snapshot.TryGetKoppeling(Code("H300"), Date("2024-12-15"), Date("2025-01-15"), out _));
    }

    [Fact]
    public void An_empty_zzp_list_allows_only_000()
    {
        // H126: no ZZP codes listed, functie 02.
        Assert.True(Snapshot.TryGetKoppeling(Code("H126"), Date("2025-01-01"), Date("2025-01-31"), out var h126));

        Assert.True(h126.Allows(functiecode: 2, zzpcode: 0));
        Assert.False(h126.Allows(functiecode: 2, zzpcode: 1));
        Assert.False(h126.AllowsZzp(999));
    }

    [Fact]
    public void An_empty_functie_list_allows_only_00()
    {
        // M001: neither list has codes.
        Assert.True(Snapshot.TryGetKoppeling(Code("M001"), Date("2025-01-01"), Date("2025-01-01"), out var m001));

        Assert.True(m001.Allows(functiecode: 0, zzpcode: 0));
        Assert.False(m001.Allows(functiecode: 1, zzpcode: 0));
        Assert.False(m001.Allows(functiecode: 0, zzpcode: 1));
    }

    [Fact]
    public void A_listed_code_is_allowed_and_000_then_is_not()
    {
        Assert.True(Snapshot.TryGetKoppeling(Code("Z015"), Date("2025-01-01"), Date("2025-01-31"), out var z015));

        Assert.True(z015.Allows(functiecode: 0, zzpcode: 1));
        Assert.False(z015.Allows(functiecode: 0, zzpcode: 0));
        Assert.False(z015.Allows(functiecode: 0, zzpcode: 2));
    }

    [Fact]
    public void A_functiecode_without_its_zzp_is_not_a_combination()
    {
        Assert.True(Snapshot.TryGetKoppeling(Code("H126"), Date("2025-01-01"), Date("2025-01-31"), out var h126));

        Assert.False(h126.Allows(functiecode: 0, zzpcode: 0));
        Assert.False(h126.Allows(functiecode: 4, zzpcode: 0));
    }

    [Fact]
    public void The_last_code_of_a_long_list_is_allowed_and_numbers_outside_the_code_range_are_not()
    {
        Assert.True(Snapshot.TryGetKoppeling(Code("ZMZ01"), Date("2025-01-01"), Date("2025-01-31"), out var zmz01));

        Assert.True(zmz01.AllowsZzp(10));
        Assert.False(zmz01.AllowsZzp(11));
        Assert.False(zmz01.AllowsZzp(-1));
        Assert.False(zmz01.AllowsZzp(1000));
        Assert.False(zmz01.AllowsFunctie(100));
    }
}
