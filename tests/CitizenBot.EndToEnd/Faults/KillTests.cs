using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.EndToEnd.Support;

namespace CitizenBot.EndToEnd.Faults;

[CollectionDefinition(nameof(KillCollection), DisableParallelization = true)]
public sealed class KillCollection;

/// <summary>
/// The host as a real process, killed with SIGKILL in the middle of a dialog, a booking, a broadcast and a letters
/// sweep, then started again on the same data folder: nothing lost, nothing sent twice, every conversation goes on.
/// </summary>
[Collection(nameof(KillCollection))]
public sealed class KillTests : IAsyncLifetime
{
    private const long Citizen = 7501;
    private readonly TempDataDir _dir = new();
    private FakeBotApiServer _telegram = null!;
    private HostProcess _host = null!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeBotApiServer.StartAsync();
        _host = await HostProcess.StartAsync(_dir.Path, _telegram);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _telegram.DisposeAsync();
        _dir.Dispose();
    }

    private async Task RestartAsync()
    {
        _host.Kill();
        await _host.DisposeAsync();
        _host = await HostProcess.StartAsync(_dir.Path, _telegram);
    }

    private int Count(long chat, string text) => _telegram.SentTo(chat).Count(m => m.Text.Contains(text, StringComparison.Ordinal));

    private async Task UpToNameAsync(long chat)
    {
        _telegram.SendText(chat, "/start");
        await _telegram.WaitForAsync(chat, "Ông/bà cần giúp gì?");
        _telegram.Press(chat, "Đặt lịch tiếp công dân");
        await _telegram.WaitForAsync(chat, "Mời ông/bà chọn ngày");
        _telegram.Press(chat, "chỗ");
        await _telegram.WaitForAsync(chat, "Mời ông/bà chọn giờ");
        _telegram.Press(chat, "–");
        await _telegram.WaitForAsync(chat, "trình bày về việc gì");
        _telegram.Press(chat, "Đất đai");
        await _telegram.WaitForAsync(chat, "nói ngắn gọn nội dung");
        _telegram.SendText(chat, "Hỏi về thủ tục tách thửa đất");
        await _telegram.WaitForAsync(chat, "họ và tên");
    }

    /// <summary>Presses "yes" on a confirmation, kills the host after a moment, starts it again and checks the conversation goes on.</summary>
    private async Task ConfirmThroughAKillAsync(int killAfterMs)
    {
        _telegram.Press(Citizen, "✅ Có");
        await Task.Delay(killAfterMs);
        await RestartAsync();

        // The conversation goes on from wherever the kill left it.
        var menus = Count(Citizen, "cần giúp gì");
        _telegram.SendText(Citizen, "menu");
        await _telegram.WaitForAsync(Citizen, "cần giúp gì", skip: menus);
        await Task.Delay(300);
        _host.Kill();
    }

    /// <summary>After the kill: the records exist at most once, each with exactly one message saying so, sent or unconfirmed.</summary>
    private void AssertAtMostOnceAndTold(int records, string told)
    {
        using var db = TestDatabase.Open(_dir.Path);
        var messages = db.Collection<OutboxMessage>(Outbox.CollectionName).FindAll().Where(m => m.Text.Contains(told, StringComparison.Ordinal)).ToList();
        Assert.True(records <= 1, $"{records} records");
        Assert.Equal(records, messages.Count);
        Assert.True(Count(Citizen, told) <= records, "Told without a record, or twice.");
        Assert.All(messages, m => Assert.True(m.Status is OutboxStatus.Sent or OutboxStatus.Unconfirmed, $"Left {m.Status}"));
    }

    private int Records<T>(string collection)
    {
        using var db = TestDatabase.Open(_dir.Path);
        return db.Collection<T>(collection).Count();
    }

    [Fact]
    public async Task Killed_in_the_middle_of_a_dialog_the_conversation_resumes_at_the_same_step()
    {
        await UpToNameAsync(Citizen);

        await RestartAsync();
        _telegram.SendText(Citizen, "Nguyễn Văn An");
        await _telegram.WaitForAsync(Citizen, "số điện thoại để cán bộ liên hệ");
        _telegram.SendText(Citizen, "0912345678");
        await _telegram.WaitForAsync(Citizen, "kiểm tra lại thông tin đặt lịch");
        _telegram.Press(Citizen, "✅ Có");
        await _telegram.WaitForAsync(Citizen, "Đã đặt lịch thành công");

        Assert.Equal(1, Count(Citizen, "họ và tên"));
        Assert.Equal(1, Count(Citizen, "Đã đặt lịch thành công"));
        Assert.Equal(1, Count(Citizen, "Kính chào"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(150)]
    public async Task Killed_while_confirming_a_booking_there_is_at_most_one_booking_and_one_confirmation(int killAfterMs)
    {
        await UpToNameAsync(Citizen);
        _telegram.SendText(Citizen, "Nguyễn Văn An");
        await _telegram.WaitForAsync(Citizen, "số điện thoại để cán bộ liên hệ");
        _telegram.SendText(Citizen, "0912345678");
        await _telegram.WaitForAsync(Citizen, "kiểm tra lại thông tin đặt lịch");

        await ConfirmThroughAKillAsync(killAfterMs);

        AssertAtMostOnceAndTold(Records<Core.Reception.Booking>(Core.Reception.ReceptionBook.CollectionName), "Đã đặt lịch thành công");
    }

    /// <summary>A complaint filled in up to its confirmation.</summary>
    private async Task UpToPetitionConfirmationAsync()
    {
        _telegram.SendText(Citizen, "/start");
        await _telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
        _telegram.Press(Citizen, "Gửi kiến nghị, phản ánh");
        await _telegram.WaitForAsync(Citizen, "loại đơn nào");
        _telegram.Press(Citizen, "Khiếu nại");
        await _telegram.WaitForAsync(Citizen, "lĩnh vực nào");
        _telegram.Press(Citizen, "Đất đai");
        await _telegram.WaitForAsync(Citizen, "thôn nào");
        _telegram.Press(Citizen, "Thôn Một");
        await _telegram.WaitForAsync(Citizen, "trình bày nội dung");
        _telegram.SendText(Citizen, "Đề nghị xem xét lại việc cấp giấy chứng nhận quyền sử dụng đất cho thửa đất số 12.");
        await _telegram.WaitForAsync(Citizen, "ảnh kèm theo không");
        _telegram.Press(Citizen, "Bỏ qua");
        await _telegram.WaitForAsync(Citizen, "gửi vị trí");
        _telegram.Press(Citizen, "Bỏ qua");
        await _telegram.WaitForAsync(Citizen, "họ và tên");
        _telegram.SendText(Citizen, "Nguyễn Văn An");
        await _telegram.WaitForAsync(Citizen, "số điện thoại");
        _telegram.SendText(Citizen, "0912345678");
        await _telegram.WaitForAsync(Citizen, "kiểm tra lại đơn");
    }

    /// <summary>
    /// The crash point that once sat between two commits: the petition was saved in its own transaction, then the turn
    /// in another, so a kill between them made Telegram deliver the "yes" again and a second petition was received
    /// under a new code. Now the petition, the turn's state, the update id and the receipt are one unit of work.
    /// </summary>
    [Fact]
    public async Task Killed_right_after_a_petition_is_submitted_and_before_its_turn_is_saved_it_is_received_once()
    {
        await _host.DisposeAsync();
        _host = await HostProcess.StartAsync(_dir.Path, _telegram,
            extraEnvironment: new Dictionary<string, string> { [FaultPoints.EnvironmentVariable] = FaultPoints.PetitionSubmitted });
        await UpToPetitionConfirmationAsync();

        _telegram.Press(Citizen, "✅ Có");
        Assert.True(await _host.WaitForExitAsync(TimeSpan.FromSeconds(30)), "The host did not reach the fault point.");
        await _host.DisposeAsync();
        Assert.Equal(0, Records<Core.Petitions.Petition>(Core.Petitions.PetitionBook.CollectionName));

        // Started again without the fault: Telegram delivers the unconfirmed "yes" again and it is handled once.
        _host = await HostProcess.StartAsync(_dir.Path, _telegram);
        await _telegram.WaitForAsync(Citizen, "đã tiếp nhận đơn");
        var menus = Count(Citizen, "cần giúp gì");
        _telegram.SendText(Citizen, "menu");
        await _telegram.WaitForAsync(Citizen, "cần giúp gì", skip: menus);
        _host.Kill();

        Assert.Equal(1, Records<Core.Petitions.Petition>(Core.Petitions.PetitionBook.CollectionName));
        Assert.Equal(1, Count(Citizen, "đã tiếp nhận đơn"));
        AssertAtMostOnceAndTold(1, "đã tiếp nhận đơn");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    public async Task Killed_while_submitting_a_petition_it_is_received_once_with_its_receipt_or_not_at_all(int killAfterMs)
    {
        await UpToPetitionConfirmationAsync();

        await ConfirmThroughAKillAsync(killAfterMs);

        AssertAtMostOnceAndTold(Records<Core.Petitions.Petition>(Core.Petitions.PetitionBook.CollectionName), "đã tiếp nhận đơn");
    }

    [Fact]
    public async Task Killed_in_the_middle_of_a_broadcast_every_group_gets_the_announcement_once()
    {
        var groups = Enumerable.Range(1, 40).Select(i => -300_000L - i).ToList();
        foreach (var group in groups)
        {
            _telegram.SendText(group, "/dangkython Thôn Một", "supergroup", RunningBot.AdminId);
        }

        foreach (var group in groups)
        {
            await _telegram.WaitForAsync(group, "đã được đăng ký nhận thông báo", timeout: TimeSpan.FromSeconds(30));
        }

        _telegram.EnforceLimits();
        _telegram.HoldSendsAfter(15);
        using (var http = _host.Officer())
        {
            (await http.PostAsJsonAsync("/officer/api/announcements", new { text = "Thông báo: ngày 29/11 tổng vệ sinh đường làng.", villages = Array.Empty<string>() })).EnsureSuccessStatusCode();
        }

        await WaitUntilAsync(() => groups.Count(g => _telegram.SentTo(g).Any(m => m.Text.Contains("tổng vệ sinh", StringComparison.Ordinal))) >= 15, TimeSpan.FromSeconds(30));
        await Task.Delay(200);
        _host.Kill();
        _telegram.ReleaseHold();
        await RestartAsync();

        await WaitUntilAsync(() => groups.All(g => _telegram.SentTo(g).Any(m => m.Text.Contains("tổng vệ sinh", StringComparison.Ordinal))), TimeSpan.FromSeconds(60), failOnTimeout: false);
        if (!groups.All(g => _telegram.SentTo(g).Any(m => m.Text.Contains("tổng vệ sinh", StringComparison.Ordinal))))
        {
            _host.Kill();
            using var db = TestDatabase.Open(_dir.Path);
            Assert.Fail("Not every group was reached:\n" + string.Join('\n', db.Collection<OutboxMessage>(Outbox.CollectionName).FindAll().Where(m => m.Key.StartsWith("announcement:", StringComparison.Ordinal))
                .Select(m => $"{m.AddressKey} {m.Status} {m.Attempts} next {m.NextAttemptAt:HH:mm:ss} {m.Error} reached={_telegram.SentTo(long.Parse(m.AddressKey.Split(':')[1], CultureInfo.InvariantCulture)).Count}")) + "\n" + _host.Output);
        }

        await Task.Delay(500);
        Assert.All(groups, g => Assert.Single(_telegram.SentTo(g), m => m.Text.Contains("tổng vệ sinh", StringComparison.Ordinal)));
        Assert.Equal(0, _telegram.IgnoredRetryAfters);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    public async Task Killed_in_the_middle_of_a_letters_sweep_each_citizen_gets_at_most_one_letter_and_none_is_lost(int killAfterMs)
    {
        const int Citizens = 60;
        _host.Kill();
        SeedFollowedBirths(Citizens);
        await RestartAsync();

        await _host.RunJobAsync(LetterSweep.JobId);
        await Task.Delay(killAfterMs);
        _host.Kill();
        await RestartAsync();
        await _host.RunJobAsync(LetterSweep.JobId);

        var chats = Enumerable.Range(1, Citizens).Select(i => 800_000L + i).ToList();
        await WaitUntilAsync(() => chats.All(c => Count(c, "THƯ CHÚC MỪNG") > 0), TimeSpan.FromSeconds(30), failOnTimeout: false);
        await Task.Delay(500);
        _host.Kill();

        using var db = TestDatabase.Open(_dir.Path);
        var letters = db.Collection<Letter>(LetterBook.CollectionName).Count();
        var unconfirmed = db.Collection<OutboxMessage>(Outbox.CollectionName).Count(m => m.Status == OutboxStatus.Unconfirmed);
        var pending = db.Collection<OutboxMessage>(Outbox.CollectionName).Count(m => m.Status == OutboxStatus.Pending);
        Assert.Equal(Citizens, letters);
        Assert.Equal(0, pending);
        Assert.All(chats, c => Assert.True(Count(c, "THƯ CHÚC MỪNG") <= 1, $"Chat {c} got two letters."));
        Assert.True(chats.Count(c => Count(c, "THƯ CHÚC MỪNG") == 0) <= unconfirmed, "A letter was lost (neither delivered nor marked unconfirmed).");
    }

    [Fact]
    public async Task Killed_in_the_middle_of_a_large_import_the_import_is_reported_interrupted_and_uploading_the_file_again_finishes_it()
    {
        const int Rows = 50_000;
        var csv = new StringBuilder("code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at\n");
        for (var i = 1; i <= Rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"HS-KILL-{i:D5},Đăng ký khai sinh,Hộ tịch,Người Thứ {i},0912345678,direct,2026-11-01,2026-11-10,received,\n");
        }

        var file = Encoding.UTF8.GetBytes(csv.ToString());
        using (var http = _host.Officer())
        {
            http.Timeout = TimeSpan.FromMinutes(5);
            var upload = http.PostAsync("/officer/api/dossiers/import?name=hoso-lon.csv", new ByteArrayContent(file));
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!(await ImportsAsync()).Latest.Any(i => i.State == "Running" && i.RowsDone > 0))
            {
                Assert.True(DateTime.UtcNow < deadline, "The import never got going.");
                await Task.Delay(20);
            }
            _host.Kill();
            await Assert.ThrowsAnyAsync<Exception>(() => upload);
        }

        await _host.DisposeAsync();
        _host = await HostProcess.StartAsync(_dir.Path, _telegram);

        var interrupted = Assert.Single((await ImportsAsync()).Interrupted);
        Assert.Equal("hoso-lon.csv", interrupted.FileName);
        Assert.InRange(interrupted.RowsDone, 1, Rows - 1);
        Assert.Contains("nhập lại đúng tệp này", interrupted.Text, StringComparison.Ordinal);
        Assert.Contains("dossier imports were cut short", _host.Output, StringComparison.Ordinal);

        using (var http = _host.Officer())
        {
            http.Timeout = TimeSpan.FromMinutes(5);
            var response = await http.PostAsync("/officer/api/dossiers/import?name=hoso-lon.csv", new ByteArrayContent(file));
            response.EnsureSuccessStatusCode();
            var report = (await response.Content.ReadFromJsonAsync<ImportReport>())!;
            Assert.Equal(Rows, report.Created + report.Unchanged);
            Assert.True(report.Unchanged > 0, "Nothing of the first, interrupted import was kept.");
        }

        Assert.Empty((await ImportsAsync()).Interrupted);
        _host.Kill();
        using var db = TestDatabase.Open(_dir.Path);
        Assert.Equal(Rows, db.Collection<Dossier>(DossierBook.CollectionName).Count());
    }

    private sealed record ImportView(string FileName, int RowsDone, string? State, string? Text);

    private sealed record ImportsView(List<ImportView> Interrupted, List<ImportView> Latest);

    private async Task<ImportsView> ImportsAsync()
    {
        using var http = _host.Officer();
        return (await http.GetFromJsonAsync<ImportsView>("/officer/api/dossiers/imports"))!;
    }

    [Fact]
    public async Task A_second_host_on_the_same_data_folder_is_refused_with_a_clear_message()
    {
        await using var second = await HostProcess.StartAsync(_dir.Path, _telegram, waitReady: false);

        Assert.True(await second.WaitForExitAsync(TimeSpan.FromSeconds(60)), "The second host kept running.");
        Assert.Equal(3, second.ExitCode);
        Assert.Contains("already used by another CitizenBot process", second.Output, StringComparison.Ordinal);

        // The first one is unharmed.
        _telegram.SendText(Citizen, "/start");
        await _telegram.WaitForAsync(Citizen, "Ông/bà cần giúp gì?");
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_written_stops_the_host_with_a_clear_message()
    {
        var blocked = Path.Combine(_dir.Path, "not-a-folder");
        await File.WriteAllTextAsync(blocked, "a file where the data folder should be");
        await using var host = await HostProcess.StartAsync(blocked, _telegram, waitReady: false);

        Assert.True(await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(3, host.ExitCode);
        Assert.Contains("Storage:DataDir", host.Output, StringComparison.Ordinal);
        Assert.Equal("a file where the data folder should be", await File.ReadAllTextAsync(blocked));
    }

    private void SeedFollowedBirths(int citizens)
    {
        using var db = TestDatabase.Open(_dir.Path);
        var store = new DossierBook(db);
        var now = DateTimeOffset.UtcNow;
        store.Upsert([.. Enumerable.Range(1, citizens).Select(i =>
        {
            var code = $"HS-KILL-{i:D4}";
            return new Dossier
            {
                Code = code, LookupKey = DossierCode.Key(code), NumberKey = DossierCode.NumberKey(DossierCode.Key(code)), Procedure = "Đăng ký khai sinh",
                Field = "Hộ tịch", Applicant = $"Người Thứ {i}", Phone = "0912345678", Channel = DossierChannel.Direct, ReceivedAt = now.AddDays(-3),
                DueAt = now.AddDays(2), Status = DossierStatus.Resolved, ResolvedAt = now.AddHours(-1),
            };
        })], now);
        db.Write(_ => db.Collection<DossierFollow>(FollowBook.CollectionName).InsertBulk(Enumerable.Range(1, citizens).Select(i =>
        {
            var address = new ChatAddress("telegram", (800_000L + i).ToString(CultureInfo.InvariantCulture)).Key;
            return new DossierFollow { Id = DossierFollow.IdFor($"HS-KILL-{i:D4}", address), DossierCode = $"HS-KILL-{i:D4}", AddressKey = address, FollowedAt = now.AddDays(-2), NotifiedSeq = 99 };
        })));
    }

    private static async Task WaitUntilAsync(Func<bool> done, TimeSpan timeout, bool failOnTimeout = true)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done())
        {
            if (DateTime.UtcNow >= deadline)
            {
                Assert.False(failOnTimeout, "Timed out.");
                return;
            }

            await Task.Delay(100);
        }
    }
}
