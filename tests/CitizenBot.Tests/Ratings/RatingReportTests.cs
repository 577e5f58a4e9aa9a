using CitizenBot.Core.Commune;
using CitizenBot.Core.Ratings;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Ratings;

public sealed class RatingReportTests : IDisposable
{
    private const string OfficerId = "700";
    private readonly BotHarness _bot = new();

    public RatingReportTests() => _bot.Get<CitizenBot.Core.Roles.UserRoles>().Grant("telegram:" + OfficerId, CitizenBot.Core.Roles.UserRole.Officer, BotHarness.AdminKey);

    public void Dispose() => _bot.Dispose();

    private void Rate(ServiceField field, RatingLevel level, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _bot.Get<RatingBook>().Save(new Rating { AddressKey = "web:x", Field = field, Level = level, SubjectKey = RatingBook.FreeSubject() }, null, _ => "");
        }
    }

    [Fact]
    public void Counts_and_percentages_per_level_by_field_and_overall()
    {
        // Hoằng Hợp's survey: 53% / 45% / 2%.
        Rate(ServiceField.CivilStatus, RatingLevel.VerySatisfied, 53);
        Rate(ServiceField.CivilStatus, RatingLevel.Satisfied, 45);
        Rate(ServiceField.CivilStatus, RatingLevel.Neutral, 2);
        Rate(ServiceField.Land, RatingLevel.Unsatisfied, 1);
        Rate(ServiceField.Land, RatingLevel.Satisfied, 3);

        var report = RatingReport.Compute(_bot.Get<RatingBook>(), BotHarness.Start.AddDays(-1), BotHarness.Start.AddDays(1));

        var civil = report.ByField.Single(t => t.Field == ServiceField.CivilStatus);
        Assert.Equal(100, civil.Total);
        Assert.Equal(53, civil.Percent(RatingLevel.VerySatisfied));
        Assert.Equal(98, civil.SatisfiedPercent);
        var land = report.ByField.Single(t => t.Field == ServiceField.Land);
        Assert.Equal(25, land.Percent(RatingLevel.Unsatisfied));
        Assert.Equal(104, report.Overall.Total);
        Assert.Equal(48, report.Overall.Count(RatingLevel.Satisfied));
        Assert.Equal(2, report.ByField.Count);
    }

    [Fact]
    public void Ratings_outside_the_period_are_not_counted()
    {
        Rate(ServiceField.Land, RatingLevel.Satisfied, 2);

        var report = RatingReport.Compute(_bot.Get<RatingBook>(), BotHarness.Start.AddDays(1), BotHarness.Start.AddDays(30));

        Assert.Equal(0, report.Overall.Total);
    }

    [Fact]
    public async Task Officers_read_the_tally_by_command_with_vietnamese_percentages()
    {
        Rate(ServiceField.CivilStatus, RatingLevel.VerySatisfied, 2);
        Rate(ServiceField.CivilStatus, RatingLevel.Neutral, 1);

        var reply = Assert.Single(await _bot.CommandAsync("/danhgia 11/2026", OfficerId));

        Assert.Contains("từ 01/11/2026 đến 30/11/2026", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Hộ tịch: 3 đánh giá, hài lòng 66,7%", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Rất hài lòng: 2 (66,7%)", reply.Text, StringComparison.Ordinal);
        (await _bot.CommandAsync("/danhgia 2025", OfficerId)).ShouldSay("Chưa có đánh giá nào");
    }

    [Fact]
    public void A_dossiers_field_text_maps_to_the_survey_field()
    {
        Assert.Equal(ServiceField.CivilStatus, RatingNames.FieldFromText("Hộ tịch"));
        Assert.Equal(ServiceField.SocialProtection, RatingNames.FieldFromText("bao tro xa hoi"));
        Assert.Equal(ServiceField.Other, RatingNames.FieldFromText("Xây dựng"));
        Assert.Equal("66,7%", RatingTexts.Percent(66.67));
        Assert.Equal("2.449", VietnameseFormat.Number(2449));
    }
}
