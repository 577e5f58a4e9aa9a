using CitizenBot.Core.Commune;
using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Tests.Dialogs;

public sealed class PromptRecognitionTests
{
    [Theory]
    [InlineData("Tra cứu Hồ sơ", "tra cuu ho so")]
    [InlineData("ĐĂNG KÝ", "dang ky")]
    [InlineData("  nhiều   khoảng  trắng ", "nhieu khoang trang")]
    public void Folding_ignores_case_diacritics_and_spacing(string input, string expected) =>
        Assert.Equal(expected, TextMatching.Fold(input));

    [Fact]
    public void Choices_match_by_typed_label_synonym_or_number()
    {
        Choice[] choices = [new("a", "🔎 Tra cứu hồ sơ", ["tra cuu"]), new("b", "🙋 Hỏi cán bộ")];

        Assert.Equal("a", ChoicePrompt.Match(choices, null, "tra cuu ho so"));
        Assert.Equal("a", ChoicePrompt.Match(choices, null, "Tra cứu"));
        Assert.Equal("b", ChoicePrompt.Match(choices, null, "2"));
        Assert.Equal("b", ChoicePrompt.Match(choices, null, "hoi can bo"));
        Assert.Null(ChoicePrompt.Match(choices, null, "3"));
        Assert.Null(ChoicePrompt.Match(choices, "zzz", null));
    }

    [Theory]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("091234567", null)]
    [InlineData("số của tôi", null)]
    [InlineData("0012345678", null)]
    public void Phone_numbers_are_normalised_or_refused(string input, string? expected) =>
        Assert.Equal(expected, PhonePrompt.Normalize(input));

    [Theory]
    [InlineData("20/12/2026", 2026, 12, 20)]
    [InlineData("5/1/2027", 2027, 1, 5)]
    [InlineData("20/12", 2026, 12, 20)]
    [InlineData("hôm nay", 2026, 11, 24)]
    [InlineData("ngay mai", 2026, 11, 25)]
    public void Dates_are_read_the_Vietnamese_way(string input, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DatePrompt.Parse(input, new DateOnly(2026, 11, 24)));

    [Theory]
    [InlineData("31/02/2026")]
    [InlineData("mai kia")]
    [InlineData("")]
    public void Impossible_dates_are_refused(string input) => Assert.Null(DatePrompt.Parse(input, new DateOnly(2026, 11, 24)));
}
