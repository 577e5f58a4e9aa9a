using CitizenBot.Core.Messaging;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Roles;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Ratings;

/// <summary>The desk's side of ratings (the officer console): the filtered list, the unread "Không hài lòng" and where its alert goes.</summary>
public sealed class RatingDeskTests : IDisposable
{
    private const string Actor = "account:lan";
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private RatingBook Book => _bot.Get<RatingBook>();

    private Rating Rate(RatingLevel level, ServiceField field, string? comment)
    {
        var rating = new Rating { AddressKey = _bot.Address.Key, Level = level, Field = field, Comment = comment, SubjectKey = RatingBook.FreeSubject() };
        Assert.Equal(RatingOutcome.Saved, Book.Save(rating, null, r => RatingTexts.OfficerAlert(r, "Dịch vụ")));
        _bot.Clock.Advance(TimeSpan.FromMinutes(10));
        return rating;
    }

    [Fact]
    public void An_unsatisfied_rating_alerts_the_officers_and_the_leaders_chat_once_each()
    {
        var rating = Rate(RatingLevel.Unsatisfied, ServiceField.Land, "Phải chờ quá lâu");

        var toOfficers = Assert.Single(_bot.Get<Outbox>().For(BotHarness.OfficersChat.Key, 0, 100));
        var toLeaders = Assert.Single(_bot.Get<Outbox>().For(BotHarness.LeadersChat.Key, 0, 100));
        Assert.Contains("Phải chờ quá lâu", toOfficers.Text, StringComparison.Ordinal);
        Assert.Equal(toOfficers.Text, toLeaders.Text);
        Assert.Equal($"rating:alert:{rating.Id}:leaders", toLeaders.Key);
    }

    [Fact]
    public void A_satisfied_rating_alerts_no_one()
    {
        Rate(RatingLevel.Satisfied, ServiceField.Land, "Tốt");

        Assert.Empty(_bot.Get<Outbox>().For(BotHarness.OfficersChat.Key, 0, 100));
        Assert.Empty(_bot.Get<Outbox>().For(BotHarness.LeadersChat.Key, 0, 100));
    }

    [Fact]
    public void The_list_filters_by_field_and_level_and_puts_low_ones_first_on_request()
    {
        var good = Rate(RatingLevel.VerySatisfied, ServiceField.CivilStatus, "Rất tốt");
        var bad = Rate(RatingLevel.Unsatisfied, ServiceField.CivilStatus, "Chậm");
        var land = Rate(RatingLevel.Neutral, ServiceField.Land, null);
        var month = new RatingQuery(BotHarness.Start.AddDays(-1), BotHarness.Start.AddDays(1));

        Assert.Equal([land.Id, bad.Id, good.Id], Book.Find(month).Select(r => r.Id));
        Assert.Equal([bad.Id, land.Id, good.Id], Book.Find(month with { LowFirst = true }).Select(r => r.Id));
        Assert.Equal([bad.Id, good.Id], Book.Find(month with { Field = ServiceField.CivilStatus }).Select(r => r.Id));
        Assert.Equal([bad.Id], Book.Find(month with { Level = RatingLevel.Unsatisfied }).Select(r => r.Id));
        Assert.Empty(Book.Find(month with { From = BotHarness.Start.AddDays(1), To = BotHarness.Start.AddDays(2) }));
    }

    [Fact]
    public void An_unsatisfied_rating_stays_unread_until_someone_marks_it_and_that_is_audited()
    {
        var bad = Rate(RatingLevel.Unsatisfied, ServiceField.Land, "Chậm");
        var good = Rate(RatingLevel.Satisfied, ServiceField.Land, "Tốt");

        Assert.Equal([bad.Id], Book.UnreadUnsatisfied(10).Select(r => r.Id));
        Assert.False(Book.MarkRead(good.Id, Actor));
        Assert.True(Book.MarkRead(bad.Id, Actor));
        Assert.False(Book.MarkRead(bad.Id, Actor));

        Assert.Empty(Book.UnreadUnsatisfied(10));
        Assert.Contains(_bot.Get<AuditLog>().Latest(10), e => e.Action == "rating.read" && e.Actor == Actor);
    }
}
