using System.Text;
using CitizenBot.Core.Guide;
using CitizenBot.Core.Roles;
using CitizenBot.Dialogs.Guide;
using CitizenBot.Host.Demo;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Guide;

/// <summary>The console's write path for the guide: an entry typed by an officer, confirmed only with its legal basis and source, hidden, deleted; an import previewed first.</summary>
public sealed class GuideEditingTests : IDisposable
{
    private const string Officer = "account:lan";
    private const string Header = "Tên thủ tục,Lĩnh vực,Cách gọi khác,Giấy tờ cần mang,Lệ phí,Thời gian giải quyết,Nơi nộp,Nộp trực tuyến,Căn cứ pháp lý,Nguồn,Đã xác nhận";
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private GuideBook Book => _bot.Get<GuideBook>();

    private static GuideEntry Residence(string papers = "Tờ khai thay đổi thông tin cư trú", string source = "https://vbpl.vn/luat-cu-tru") => new()
    {
        Name = "Đăng ký thường trú",
        Field = "Cư trú",
        Aliases = ["nhập hộ khẩu", "chuyển hộ khẩu"],
        Papers = papers,
        LegalBasis = "Luật Cư trú năm 2020",
        SourceUrl = source,
    };

    [Fact]
    public void A_new_entry_waits_for_a_confirmation_and_the_bot_answers_from_it_only_once_confirmed()
    {
        var (problems, saved, changed) = Book.Save(null, Residence(), Officer);

        Assert.True(problems.Ok);
        Assert.True(changed);
        Assert.False(saved!.IsConfirmed);
        Assert.Equal(Officer, saved.UpdatedBy);
        var answers = _bot.Get<GuideAnswers>();
        Assert.NotEqual(GuideOutcomeKind.Answer, answers.Classify("tôi muốn chuyển hộ khẩu về xã").Kind);
        // The console's rehearsal sees it already, as the bot would once it is confirmed.
        Assert.Equal("Đăng ký thường trú", answers.Rehearse("tôi muốn chuyển hộ khẩu về xã").Top[0].Title);

        Assert.Equal(GuideConfirmOutcome.Confirmed, Book.TryConfirm(saved.Key, Officer));

        var outcome = answers.Classify("toi muon chuyen ho khau ve xa");
        Assert.Equal(GuideOutcomeKind.Answer, outcome.Kind);
        Assert.Equal("Đăng ký thường trú", outcome.Top[0].Title);
        var audit = _bot.Get<AuditLog>().Latest(10);
        Assert.Contains(audit, a => a.Action == "guide.create" && a.Actor == Officer && a.Subject == saved.Key);
        Assert.Contains(audit, a => a.Action == "guide.confirm" && a.Actor == Officer);
    }

    [Fact]
    public void A_bad_link_or_an_empty_name_is_named_by_its_field_and_nothing_is_written()
    {
        var entry = Residence(source: "vbpl.vn luật cư trú");
        entry.Name = " ";
        entry.OnlineLink = "dichvucong";

        var (problems, saved, _) = Book.Save(null, entry, Officer);

        Assert.Null(saved);
        Assert.Equal(["Name", "OnlineLink", "SourceUrl"], problems.ByField.Keys.Order());
        Assert.Contains("https://", problems.ByField["OnlineLink"], StringComparison.Ordinal);
        Assert.Equal(0, Book.Count());
        Assert.DoesNotContain(_bot.Get<AuditLog>().Latest(10), a => a.Action.StartsWith("guide.", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_legal_basis_and_source_an_entry_is_saved_as_a_draft_but_cannot_be_confirmed()
    {
        var draft = Residence(source: "");
        draft.LegalBasis = "";
        var (_, saved, _) = Book.Save(null, draft, Officer);

        Assert.Equal(GuideConfirmOutcome.Incomplete, Book.TryConfirm(saved!.Key, Officer));
        Assert.False(Book.Get(saved.Key)!.IsConfirmed);
        Assert.Equal(["LegalBasis", "SourceUrl"], GuideRules.ConfirmProblems(saved).ByField.Keys.Order());
        Assert.Equal(GuideConfirmOutcome.NotFound, Book.TryConfirm("không có", Officer));
    }

    [Fact]
    public void An_edit_takes_the_confirmation_away_a_rename_keeps_one_entry_and_a_taken_name_is_refused()
    {
        var (_, saved, _) = Book.Save(null, Residence(), Officer);
        Book.Confirm(saved!.Key, Officer);

        var (_, same, changed) = Book.Save(saved.Key, Residence(), "account:binh");
        Assert.False(changed);
        Assert.True(same!.IsConfirmed);

        var (_, edited, _) = Book.Save(saved.Key, Residence(papers: "Tờ khai CT01"), "account:binh");
        Assert.False(edited!.IsConfirmed);
        Assert.Equal("account:binh", edited.UpdatedBy);

        var renamed = Residence(papers: "Tờ khai CT01");
        renamed.Name = "Đăng ký thường trú (công dân Việt Nam)";
        var (_, moved, _) = Book.Save(saved.Key, renamed, Officer);
        Assert.Equal(["Đăng ký thường trú (công dân Việt Nam)"], Book.All().Select(e => e.Name));

        Book.Save(null, Residence(), Officer);
        var clash = Residence();
        var (problems, _, _) = Book.Save(moved!.Key, clash, Officer);
        Assert.Contains("Đã có thủ tục", problems.ByField["Name"], StringComparison.Ordinal);
        Assert.Equal(2, Book.Count());
    }

    [Fact]
    public void Hiding_withdraws_it_from_citizens_and_deleting_removes_it_both_audited()
    {
        var (_, saved, _) = Book.Save(null, Residence(), Officer);
        Book.Confirm(saved!.Key, Officer);

        Assert.True(Book.Unconfirm(saved.Key, Officer));
        Assert.Empty(_bot.Get<GuideAnswers>().Entries);
        Assert.True(Book.Delete(saved.Key, Officer));
        Assert.False(Book.Delete(saved.Key, Officer));
        Assert.Equal(0, Book.Count());
        var audit = _bot.Get<AuditLog>().Latest(10);
        Assert.Contains(audit, a => a.Action == "guide.unconfirm" && a.Subject == saved.Key);
        Assert.Single(audit, a => a.Action == "guide.delete" && a.Subject == saved.Key);
    }

    [Fact]
    public void A_preview_says_what_the_import_then_does_and_writes_nothing()
    {
        DemoCommune.SeedGuideIfEmpty(Book);
        var before = Book.All().Select(e => (e.Name, e.Papers, e.IsConfirmed)).ToList();
        var birth = Book.All().First(e => e.Name == "Đăng ký khai sinh");
        var file = Encoding.UTF8.GetBytes(string.Join("\n",
            Header,
            "Đăng ký thường trú,Cư trú,nhập hộ khẩu,Tờ khai,,,Một cửa,,Luật Cư trú năm 2020,https://vbpl.vn/luat-cu-tru,có",
            $"Đăng ký khai sinh,{birth.Field},,Tờ khai mới,,,,,\"{birth.LegalBasis}\",{birth.SourceUrl},",
            "Xác nhận tình trạng hôn nhân,Hộ tịch,,Tờ khai,,,,,Luật Hộ tịch năm 2014,,có",
            "Sai link,Hộ tịch,,Tờ khai,,,,không phải link,Luật Hộ tịch năm 2014,,"));

        var preview = _bot.Get<GuideImporter>().Preview(file);

        Assert.Equal(before, Book.All().Select(e => (e.Name, e.Papers, e.IsConfirmed)).ToList());
        Assert.Equal(["Đăng ký thường trú", "Xác nhận tình trạng hôn nhân"], preview.Created.Select(r => r.Name));
        Assert.Equal([true, false], preview.Created.Select(r => r.Confirm));
        var updated = Assert.Single(preview.Updated);
        Assert.Contains("Giấy tờ cần mang", updated.Changes);
        Assert.Contains("Cách gọi khác", updated.Changes);
        Assert.Contains("chờ xác nhận lại (nội dung đổi)", updated.Changes);
        // Asked to be confirmed without a source: imported, waiting; a bad link: skipped.
        Assert.Equal([4, 5], preview.Errors.Select(e => e.Line));

        var report = _bot.Get<GuideImporter>().ImportFile(file, Officer);

        Assert.Equal((2, 1, 1), (report.Created, report.Updated, report.Confirmed));
        Assert.Equal(preview.Errors, report.Errors);
        Assert.False(Book.Get(GuideBook.KeyOf("Xác nhận tình trạng hôn nhân"))!.IsConfirmed);
        Assert.False(Book.Get(birth.Key)!.IsConfirmed);
    }
}
