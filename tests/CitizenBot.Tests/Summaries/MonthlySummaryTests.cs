using System.Text;
using System.Text.RegularExpressions;
using CitizenBot.Core.Announcements;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Reception;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;
using CitizenBot.Core.Summaries;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Summaries;

/// <summary>The summary states exactly what LiteDB holds: the seeds' 2,449 dossiers, and every other figure, on a known dataset.</summary>
public sealed partial class MonthlySummaryTests : IDisposable
{
    private const string LeaderId = "800";
    private const string OfficerId = "801";

    // The bot's clock starts on 1/10/2026 and is moved on; the month summarised is October 2026.
    private static readonly SummaryPeriod October = SummaryPeriod.Month(2026, 10);
    private readonly BotHarness _bot = new(start: new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
    private int _next;

    public MonthlySummaryTests()
    {
        _bot.Get<UserRoles>().Grant("telegram:" + LeaderId, UserRole.Leader, BotHarness.AdminKey);
        _bot.Get<UserRoles>().Grant("telegram:" + OfficerId, UserRole.Officer, BotHarness.AdminKey);
    }

    public void Dispose() => _bot.Dispose();

    private static DateTimeOffset Local(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    private Dossier NewDossier(DossierChannel channel, DateTimeOffset received, DossierStatus status, DateTimeOffset due, DateTimeOffset? resolved)
    {
        var code = $"HS-TEST-{++_next:D6}";
        var key = DossierCode.Key(code);
        return new Dossier
        {
            Code = DossierCode.Canonical(code), LookupKey = key, NumberKey = DossierCode.NumberKey(key), Procedure = "Chứng thực bản sao",
            Field = "Chứng thực", Applicant = "Nguyễn Văn A", Phone = "0912345678", Channel = channel, ReceivedAt = received, DueAt = due,
            Status = status, ResolvedAt = resolved,
        };
    }

    /// <summary>The seeds' figures: 2,449 dossiers, 388 direct, 2,028 online (1,086 partly, 942 fully), 33 by post, all resolved on time.</summary>
    private void SeedDossiers()
    {
        var dossiers = new List<Dossier>();
        void Add(DossierChannel channel, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var received = Local(10, 1 + (i % 25));
                dossiers.Add(NewDossier(channel, received, DossierStatus.Resolved, received.AddDays(5), received.AddDays(i % 5)));
            }
        }

        Add(DossierChannel.Direct, 388);
        Add(DossierChannel.OnlinePartial, 1086);
        Add(DossierChannel.OnlineFull, 942);
        Add(DossierChannel.Postal, 33);
        _bot.Get<DossierBook>().Upsert(dossiers, _bot.Clock.GetUtcNow());
    }

    /// <summary>The seeds' letters: 40 marriages, 81 births, 45 condolences, no apology.</summary>
    private void SeedLetters()
    {
        var col = _bot.Get<CitizenDatabase>().Collection<Letter>(LetterBook.CollectionName);
        var letters = new List<Letter>();
        void Add(LetterKind kind, int count)
        {
            for (var i = 0; i < count; i++)
            {
                letters.Add(new Letter { Id = $"{kind}:{i}|web:x", Kind = kind, EventKey = $"{kind}:{i}", AddressKey = "web:x", SentAt = Local(10, 1 + (i % 30)) });
            }
        }

        Add(LetterKind.MarriageCongratulation, 40);
        Add(LetterKind.BirthCongratulation, 81);
        Add(LetterKind.DeathCondolence, 45);
        letters.Add(new Letter { Id = "late|web:x", Kind = LetterKind.LateApology, EventKey = "late", AddressKey = "web:x", SentAt = Local(11, 1) }); // next month
        _bot.Get<CitizenDatabase>().Write(_ => col.InsertBulk(letters));
    }

    private string Chat() => SummaryTexts.Chat(_bot.Get<SummaryCompiler>().Compile(October), _bot.Get<Core.Commune.CommuneClock>());

    [Fact]
    public void The_seeds_dossiers_and_letters_are_stated_exactly_with_vietnamese_number_formatting()
    {
        SeedDossiers();
        SeedLetters();

        var text = Chat();

        Assert.Contains("BÁO CÁO TỔNG HỢP THÁNG 10/2026", text, StringComparison.Ordinal);
        Assert.Contains("Tổng số hồ sơ đã tiếp nhận: 2.449 hồ sơ. Trong đó: tiếp nhận trực tiếp: 388 hồ sơ; tiếp nhận trực tuyến: 2.028 hồ sơ "
            + "(trực tuyến một phần: 1.086; trực tuyến toàn trình: 942); qua bưu chính công ích: 33 hồ sơ. Kỳ trước chuyển qua: 0 hồ sơ.", text, StringComparison.Ordinal);
        Assert.Contains("Số hồ sơ đã giải quyết trả kết quả: 2.449 hồ sơ (trả trước và đúng hạn: 2.449 hồ sơ, đạt 100%; quá hạn: 0 hồ sơ). "
            + "Hồ sơ đang giải quyết: 0 hồ sơ. Hồ sơ chờ bổ sung: 0 hồ sơ.", text, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ trả lại/xin rút: 0 hồ sơ.", text, StringComparison.Ordinal);
        Assert.Contains("- Thư chúc mừng đăng ký khai sinh: 81 thư", text, StringComparison.Ordinal);
        Assert.Contains("- Thư chúc mừng đăng ký kết hôn: 40 thư", text, StringComparison.Ordinal);
        Assert.Contains("- Thư chia buồn: 45 thư", text, StringComparison.Ordinal);
        Assert.Contains("- Thư xin lỗi: không", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Carried_over_open_late_waiting_and_returned_dossiers_are_counted_at_the_period_bounds()
    {
        var store = _bot.Get<DossierBook>();
        store.Upsert(
        [
            NewDossier(DossierChannel.Direct, Local(9, 25), DossierStatus.Resolved, Local(10, 2), Local(10, 5)), // carried over, resolved late
            NewDossier(DossierChannel.Direct, Local(9, 28), DossierStatus.InProgress, Local(10, 3), null), // carried over, still open, overdue
            NewDossier(DossierChannel.OnlineFull, Local(10, 10), DossierStatus.AwaitingSupplement, Local(11, 20), null), // waiting for supplements
            NewDossier(DossierChannel.OnlineFull, Local(10, 12), DossierStatus.Resolved, Local(10, 20), Local(11, 3)), // open and overdue at the end of October
            NewDossier(DossierChannel.Postal, Local(10, 15), DossierStatus.Withdrawn, Local(10, 25), Local(10, 16)), // withdrawn
            NewDossier(DossierChannel.Direct, Local(10, 20), DossierStatus.Returned, Local(10, 25), null), // returned, no date
            NewDossier(DossierChannel.Direct, Local(9, 1), DossierStatus.Resolved, Local(9, 5), Local(9, 4)), // September only
            NewDossier(DossierChannel.Direct, Local(11, 2), DossierStatus.Received, Local(11, 9), null), // November only
        ], _bot.Clock.GetUtcNow());

        var d = _bot.Get<SummaryCompiler>().Compile(October).Dossiers;

        Assert.Equal(4, d.Received);
        Assert.Equal(2, d.ByChannel[DossierChannel.Direct] + d.ByChannel[DossierChannel.Postal]);
        Assert.Equal(2, d.CarriedOver);
        Assert.Equal(0, d.ResolvedOnTime);
        Assert.Equal(1, d.ResolvedLate);
        Assert.Equal(2, d.InProgress);
        Assert.Equal(2, d.OpenOverdue);
        Assert.Equal(1, d.AwaitingSupplement);
        Assert.Equal(2, d.ReturnedOrWithdrawn);
    }

    [Fact]
    public async Task Petitions_questions_ratings_reception_and_announcements_are_counted_from_their_records()
    {
        // Petitions: three kiến nghị and a tố cáo in October; two answered after 1 and 3 days, one left to miss its due date.
        var petitions = _bot.Get<PetitionBook>();
        _bot.Clock.SetUtcNow(Local(10, 5));
        var first = petitions.Submit(Draft(PetitionKind.Feedback, "Giao thông, điện, nước"));
        var second = petitions.Submit(Draft(PetitionKind.Feedback, "Môi trường, vệ sinh"));
        petitions.Submit(Draft(PetitionKind.Feedback, "Giao thông, điện, nước"));
        petitions.Submit(Draft(PetitionKind.Denunciation, "Cán bộ, công chức"));
        _bot.Clock.SetUtcNow(Local(10, 6));
        petitions.Change(first.Code, PetitionStatus.Answered, UserRole.Officer, "Cán bộ", "telegram:" + OfficerId, "Đã sửa.");
        _bot.Clock.SetUtcNow(Local(10, 8));
        petitions.Change(second.Code, PetitionStatus.Answered, UserRole.Officer, "Cán bộ", "telegram:" + OfficerId, "Đã thu gom.");

        // Questions: three asked, two answered after 2 and 4 hours.
        var questions = _bot.Get<QuestionBook>();
        OfficerQuestion Ask(int day)
        {
            _bot.Clock.SetUtcNow(Local(10, day));
            return questions.Ask(new ChatAddress("web", $"q{day:D31}"), "Xin hỏi lịch tiêm phòng cho trẻ?", "menu", "Menu");
        }

        var firstQuestion = Ask(10);
        _bot.Clock.SetUtcNow(Local(10, 10).AddHours(2));
        questions.Answer(firstQuestion.Tag, "Thứ Hai hằng tuần.", "Cán bộ", "telegram:" + OfficerId);
        var secondQuestion = Ask(11);
        _bot.Clock.SetUtcNow(Local(10, 11).AddHours(4));
        questions.Answer(secondQuestion.Tag, "Tại trạm y tế.", "Cán bộ", "telegram:" + OfficerId);
        Ask(12);

        // Ratings: 3 "Rất hài lòng", 1 "Không hài lòng".
        var ratings = _bot.Get<RatingBook>();
        foreach (var level in new[] { RatingLevel.VerySatisfied, RatingLevel.VerySatisfied, RatingLevel.VerySatisfied, RatingLevel.Unsatisfied })
        {
            _bot.Clock.SetUtcNow(Local(10, 15));
            ratings.Save(new Rating { AddressKey = "web:r", Level = level, Field = ServiceField.CivilStatus, SubjectKey = RatingBook.FreeSubject() }, null, _ => "!");
        }

        // Announcements: one to Thôn Một's group, delivered.
        var board = _bot.Get<AnnouncementBook>();
        board.RegisterGroup(new ChatAddress("telegram", "-5001"), "Thôn Một", "test");
        _bot.Clock.SetUtcNow(Local(10, 20));
        var announcement = board.Publish("Lịch tiêm phòng tháng 10.", null, ["Thôn Một"], "telegram:" + OfficerId, null);
        var delivery = _bot.Get<Outbox>().WithKeyPrefix(Announcement.DeliveryPrefix(announcement.Id)).Single();
        await _bot.Get<Outbox>().CompleteAsync(delivery.Id, SendOutcome.SentAs("1"), _bot.Clock.GetUtcNow(), 5);

        _bot.Clock.SetUtcNow(Local(10, 30));
        Assert.Equal(1, _bot.Get<PetitionDeadlineSweep>().Run()); // the third kiến nghị (10 working days); the tố cáo has 30
        _bot.Clock.SetUtcNow(Local(11, 24));
        var summary = _bot.Get<SummaryCompiler>().Compile(October);

        Assert.Equal(4, summary.Petitions.Received);
        Assert.Equal(3, summary.Petitions.ByKind[PetitionKind.Feedback]);
        Assert.Equal(2, summary.Petitions.ByTopic["Giao thông, điện, nước"]);
        Assert.Equal(1, summary.Petitions.Overdue);
        Assert.Equal(1, summary.Petitions.ByKind[PetitionKind.Denunciation]);
        Assert.Equal(2, summary.Petitions.Answered);
        Assert.Equal(TimeSpan.FromDays(2), summary.Petitions.MedianTimeToAnswer);
        Assert.Equal(3, summary.Questions.Asked);
        Assert.Equal(2, summary.Questions.Answered);
        Assert.Equal(TimeSpan.FromHours(3), summary.Questions.MedianTimeToAnswer);
        Assert.Equal(4, summary.Ratings.Overall.Total);
        Assert.Equal(75, summary.Ratings.Overall.SatisfiedPercent);
        Assert.Equal(2, summary.Reception.DaysHeld); // Saturday 10/10 and Tuesday 20/10
        Assert.Equal(new AnnouncementFigures(1, 1, 1, 0), summary.Announcements);

        var text = SummaryTexts.Chat(summary, _bot.Get<Core.Commune.CommuneClock>());
        Assert.Contains("Tiếp nhận: 4 đơn (kiến nghị, phản ánh: 3; khiếu nại: 0; tố cáo: 1)", text, StringComparison.Ordinal);
        Assert.Contains("thời gian trả lời (trung vị): 2 ngày", text, StringComparison.Ordinal);
        Assert.Contains("Số câu hỏi: 3; đã trả lời: 2; thời gian trả lời (trung vị): 3 giờ", text, StringComparison.Ordinal);
        Assert.Contains("tỷ lệ hài lòng (rất hài lòng và hài lòng): 75%", text, StringComparison.Ordinal);
        Assert.Contains("Không hài lòng: 1 (25%)", text, StringComparison.Ordinal);
        Assert.Contains("Số thông báo: 1; nơi nhận: 1; đã gửi tới: 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần", text, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    private static PetitionDraft Draft(PetitionKind kind, string topic) =>
        new(kind, topic, "Thôn Một", "Nội dung đơn đủ dài để được tiếp nhận và giải quyết.", [], null, false, "Trần Văn Bình", "0987111222", "web:p" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_monthly_job_sends_last_months_summary_and_its_printable_file_to_every_leader_and_the_leaders_chat_once()
    {
        SeedDossiers();
        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)); // 07:00 in Hà Nội

        Assert.Equal(4, _bot.Get<MonthlySummarySweep>().Run());
        Assert.Equal(0, _bot.Get<MonthlySummarySweep>().Run());
        _bot.Restart();
        Assert.Equal(0, _bot.Get<MonthlySummarySweep>().Run());

        foreach (var to in new[] { "telegram:" + LeaderId, BotHarness.LeadersChat.Key })
        {
            var messages = _bot.Get<Outbox>().For(to, 0, 100);
            Assert.Equal(2, messages.Count);
            Assert.Contains("THÁNG 10/2026", messages[0].Text, StringComparison.Ordinal);
            var file = messages[1].ToMessage().File!;
            Assert.EndsWith(".html", file.FileName, StringComparison.Ordinal);
            var html = Encoding.UTF8.GetString(file.Content);
            Assert.Contains("2.449", html, StringComparison.Ordinal);
            var png = Convert.FromBase64String(Png().Match(html).Groups[1].Value);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.True(png.Length > 5_000, "The chart has content.");
        }

        Assert.Empty(_bot.Get<Outbox>().For("telegram:" + OfficerId, 0, 100));
    }

    [Fact]
    public async Task Only_a_leader_may_ask_for_a_summary_and_any_period_can_be_asked()
    {
        SeedDossiers();
        (await _bot.CommandAsync("/baocao 10/2026", OfficerId)).ShouldSay("chỉ dành cho người có quyền");
        var refused = await _bot.CommandAsync("/baocao 10/2026", "12345", inGroup: false);
        refused.ShouldSay("chỉ dành cho cán bộ xã");
        Assert.DoesNotContain(refused, m => m.Text.Contains("2.449", StringComparison.Ordinal));

        var replies = await _bot.CommandAsync("/baocao 01/01/2024-31/10/2026", LeaderId, inGroup: false);
        replies.ShouldSay("BÁO CÁO TỔNG HỢP TỪ 01/01/2024 ĐẾN 31/10/2026");
        replies.ShouldSay("2.449 hồ sơ");
        Assert.Contains(replies, m => m.File is { ContentType: "text/html" });
        (await _bot.CommandAsync("/baocao quý 4/2026", LeaderId, inGroup: false)).ShouldSay("QUÝ IV/2026");
        (await _bot.CommandAsync("/baocao tháng 13/2026", LeaderId, inGroup: false)).ShouldSay("Chưa hiểu kỳ báo cáo");
        (await _bot.CommandAsync("/baocao 2030", LeaderId, inGroup: false)).ShouldSay("không được ở tương lai");
    }

    [Theory]
    [InlineData("", "2026-10-01..2026-10-31")]
    [InlineData("10/2026", "2026-10-01..2026-10-31")]
    [InlineData("tháng 2/2024", "2024-02-01..2024-02-29")]
    [InlineData("Quý 3/2026", "2026-07-01..2026-09-30")]
    [InlineData("q1 2026", "2026-01-01..2026-03-31")]
    [InlineData("năm 2025", "2025-01-01..2025-12-31")]
    [InlineData("01/01/2023 - 31/12/2025", "2023-01-01..2025-12-31")]
    [InlineData("từ 1/1/2023 đến 31/12/2025", "2023-01-01..2025-12-31")]
    public void Periods_are_read_as_a_leader_types_them(string text, string key) =>
        Assert.Equal(key, SummaryPeriod.Parse(text, new DateOnly(2026, 11, 24))!.Key);

    [Theory]
    [InlineData("13/2026")]
    [InlineData("quý 5/2026")]
    [InlineData("31/12/2025-01/01/2023")]
    [InlineData("2027")]
    [InlineData("hôm qua")]
    [InlineData("🙂")]
    public void Periods_that_cannot_be_read_or_lie_ahead_are_refused(string text) =>
        Assert.Null(SummaryPeriod.Parse(text, new DateOnly(2026, 11, 24)));

    [GeneratedRegex("data:image/png;base64,([A-Za-z0-9+/=]+)")]
    private static partial Regex Png();
}
