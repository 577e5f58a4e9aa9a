using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;

namespace CitizenBot.Tests.Dossiers;

public sealed class VietnameseFormatTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData(3, "còn 3 ngày")]
    [InlineData(1, "còn 1 ngày")]
    [InlineData(0, "hôm nay là hạn trả kết quả")]
    [InlineData(-2, "đã quá hạn 2 ngày")]
    [InlineData(45, "còn 45 ngày")]
    public void Due_distance_reads_naturally(int days, string expected) =>
        Assert.Equal(expected, VietnameseFormat.DueDistance(Today.AddDays(days), Today));

    [Fact]
    public void Numbers_use_Vietnamese_grouping() => Assert.Equal("2.449", VietnameseFormat.Number(2449));

    [Fact]
    public void Weekdays_are_in_Vietnamese() => Assert.Equal("Thứ Ba, 24/11/2026", VietnameseFormat.DateWithWeekday(Today));

    [Theory]
    [InlineData("Nguyễn Văn An", "N***** V** A*")]
    [InlineData("Lê  Bình", "L* B***")]
    public void Names_are_masked(string name, string expected) => Assert.Equal(expected, PersonalData.MaskName(name));

    [Fact]
    public void Phones_are_masked_but_for_the_last_four_digits() => Assert.Equal("******5678", PersonalData.MaskPhone("0912 345 678"));
}
