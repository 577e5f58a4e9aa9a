using CitizenBot.Core.Letters;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;
using LiteDB;

namespace CitizenBot.Tests.Petitions;

/// <summary>The Law on Denunciation (2018, art. 9 and 47) protects the author's identity: only leaders ever see it.</summary>
public sealed class DenunciationPrivacyTests : IDisposable
{
    private const string OfficerId = "700";
    private const string LeaderId = "800";
    private readonly BotHarness _bot = new();
    private readonly ChatAddress _author = new("telegram", "123456789");

    public DenunciationPrivacyTests()
    {
        _bot.Get<UserRoles>().Grant("telegram:" + OfficerId, UserRole.Officer, BotHarness.AdminKey);
        _bot.Get<UserRoles>().Grant("telegram:" + LeaderId, UserRole.Leader, BotHarness.AdminKey);
    }

    public void Dispose() => _bot.Dispose();

    private static readonly string[] Identity = ["Trần Văn Bình", "0987111222", "123456789"];

    [Fact]
    public async Task The_stored_record_holds_the_identity_only_sealed()
    {
        var code = await _bot.SubmitPetitionAsync(_author, "Tố cáo");

        var raw = _bot.Get<CitizenDatabase>().Collection<BsonDocument>(PetitionBook.CollectionName).FindOne(Query.EQ("Code", code));
        var json = JsonSerializer.Serialize(raw);
        Assert.All(Identity, secret => Assert.DoesNotContain(secret, json, StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(raw["SealedIdentity"].AsString));
        var petition = _bot.Get<PetitionBook>().Get(code)!;
        Assert.Equal(new PetitionIdentity(_author.Key, "Trần Văn Bình", "0987111222"), _bot.Get<PetitionBook>().IdentityOf(petition));
        Assert.Null(new IdentitySeal(new DataSeal(new byte[32])).Open(petition.SealedIdentity!));
    }

    [Fact]
    public async Task The_officers_group_hears_of_it_without_content_or_identity()
    {
        var code = await _bot.SubmitPetitionAsync(_author, "Tố cáo");

        var notice = Assert.Single(_bot.Get<Outbox>().For(BotHarness.OfficersChat.Key, 0, 100));
        Assert.Contains(code, notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(PetitionSteps.Content, notice.Text, StringComparison.Ordinal);
        Assert.All(Identity, secret => Assert.DoesNotContain(secret, notice.Text, StringComparison.Ordinal));
        var list = await _bot.CommandAsync("/don", LeaderId);
        list.ShouldSay("(bảo mật)");
        Assert.All(Identity, secret => list.ShouldNotSay(secret));
    }

    [Fact]
    public async Task Only_a_leader_in_a_private_chat_sees_the_author_and_handles_the_denunciation()
    {
        var code = await _bot.SubmitPetitionAsync(_author, "Tố cáo");

        (await _bot.CommandAsync($"/xemdon {code}", OfficerId, inGroup: false)).ShouldSay("chỉ lãnh đạo UBND xã xem");
        (await _bot.CommandAsync($"/xemdon {code}", LeaderId, inGroup: true)).ShouldSay("chỉ lãnh đạo UBND xã xem");
        (await _bot.CommandAsync($"/xulydon {code}", OfficerId)).ShouldSay("chỉ lãnh đạo UBND xã xem");
        var details = await _bot.CommandAsync($"/xemdon {code}", LeaderId, inGroup: false);

        details.ShouldSay("Trần Văn Bình, SĐT 0987111222");
        details.ShouldSay(PetitionSteps.Content);
        Assert.Equal(PetitionStatus.Received, _bot.Get<PetitionBook>().Get(code)!.Status);

        // Only the leader's reading opened the seal, and it is accounted for under them; the refusals opened nothing.
        var reads = _bot.Get<CitizenBot.Core.Roles.AuditLog>().Latest(50).Where(e => e.Action == "petition.identity.read").ToList();
        Assert.Equal(("telegram:" + LeaderId, code), (Assert.Single(reads).Actor, reads[0].Subject));
    }

    [Fact]
    public async Task The_author_is_still_told_of_each_step_and_finds_it_in_their_list()
    {
        var code = await _bot.SubmitPetitionAsync(_author, "Tố cáo");

        await _bot.CommandAsync($"/xulydon {code}", LeaderId, inGroup: false);
        await _bot.CommandAsync($"/traloidon {code} Đã xác minh, xử lý theo quy định.", LeaderId, inGroup: false);

        var toAuthor = _bot.Get<Outbox>().HistoryOf(_author.Key, 0, 1000).Select(m => m.Message.Text).ToList();
        Assert.Contains(toAuthor, t => t.Contains("Đang xem xét", StringComparison.Ordinal));
        Assert.Contains(toAuthor, t => t.Contains("Đã xác minh, xử lý theo quy định.", StringComparison.Ordinal));
        Assert.Contains("Lãnh đạo UBND xã", toAuthor.Last(), StringComparison.Ordinal);
        (await _bot.SayAsync("kiến nghị của tôi", _author)).ShouldSay(code);
    }

    [Fact]
    public async Task A_late_denunciation_is_never_announced_in_the_officers_group()
    {
        await _bot.SubmitPetitionAsync(_author, "Tố cáo");
        var before = _bot.Get<Outbox>().For(BotHarness.OfficersChat.Key, 0, 100).Count;

        _bot.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 1, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, _bot.Get<PetitionDeadlineSweep>().Run());
        _bot.Get<LetterSweep>().Run();

        Assert.Equal(before, _bot.Get<Outbox>().For(BotHarness.OfficersChat.Key, 0, 100).Count);
        var apology = Assert.Single(_bot.Get<Outbox>().For(_author.Key, 0, 1000), m => m.Text.Contains("THƯ XIN LỖI", StringComparison.Ordinal));

        // The outbox is not sealed: the letter does not name the denouncer.
        Assert.Contains("Kính gửi ông/bà", apology.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Văn Bình", apology.Text, StringComparison.Ordinal);
    }
}
