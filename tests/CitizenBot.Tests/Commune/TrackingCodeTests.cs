using CitizenBot.Core.Commune;

namespace CitizenBot.Tests.Commune;

public sealed class TrackingCodeTests
{
    [Fact]
    public void A_new_code_is_the_prefix_then_six_characters_without_look_alikes()
    {
        var code = TrackingCode.New("KN", _ => false);

        Assert.Matches("^KN-[ACDEFGHJKMNPQRTUVWXY34679]{6}$", code);
    }

    [Fact]
    public void A_new_code_is_drawn_again_while_it_is_taken()
    {
        var tries = 0;

        TrackingCode.New("LH", _ => ++tries < 3);

        Assert.Equal(3, tries);
    }

    [Theory]
    [InlineData("kn 7qx3ma", "KN-7QX3MA")]
    [InlineData("KN-7QX3MA", "KN-7QX3MA")]
    [InlineData(" tc-7qx 3ma ", "TC-7QX3MA")]
    [InlineData("kh", "KH")]
    public void A_typed_code_is_normalised_with_its_first_two_letters_as_prefix(string typed, string expected) =>
        Assert.Equal(expected, TrackingCode.Normalize(typed));

    [Theory]
    [InlineData("4cat9e", "LH-4CAT9E")]
    [InlineData("lh 4cat9e", "LH-4CAT9E")]
    [InlineData("LH-4CAT9E", "LH-4CAT9E")]
    public void A_code_of_one_kind_is_normalised_with_or_without_its_prefix(string typed, string expected) =>
        Assert.Equal(expected, TrackingCode.Normalize(typed, "LH"));
}
