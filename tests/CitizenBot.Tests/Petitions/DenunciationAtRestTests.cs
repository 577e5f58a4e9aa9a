using System.Security.Cryptography;
using System.Text;
using CitizenBot.Channels.Web;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Conversations;
using CitizenBot.Core.Letters;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;

namespace CitizenBot.Tests.Petitions;

/// <summary>A denouncer's identity is never at rest in clear: not in the outbox, the conversation state or a shared lookup.</summary>
public sealed class DenunciationAtRestTests : IDisposable
{
    private const string LeaderId = "800";
    private const string Name = "Trần Văn Bình";
    private const string Phone = "0987111222";
    private readonly BotHarness _bot = new();
    private readonly ChatAddress _author = new("telegram", "5550001");

    public DenunciationAtRestTests() => _bot.Get<UserRoles>().Grant("telegram:" + LeaderId, UserRole.Leader, BotHarness.AdminKey);

    public void Dispose() => _bot.Dispose();

    private static readonly string[] Secrets = [Name, TextMatching.Fold(Name), Phone, "0987 111 222"];

    private string RawJson(string collection) =>
        string.Join('\n', _bot.Get<CitizenDatabase>().Collection<BsonDocument>(collection).FindAll().Select(d => JsonSerializer.Serialize(d)));

    [Fact]
    public async Task Two_petitions_from_one_chat_have_unrelated_author_lookups_and_both_are_still_listed()
    {
        var first = await _bot.SubmitPetitionAsync(_author, "Tố cáo");
        var second = await _bot.SubmitPetitionAsync(_author, "Tố cáo");
        var feedback = await _bot.SubmitPetitionAsync(_author, "Kiến nghị");

        var book = _bot.Get<PetitionBook>();
        var lookups = new[] { first, second, feedback }.Select(c => book.Get(c)!.AuthorLookup).ToList();
        Assert.NotEqual(lookups[0], lookups[1]);
        Assert.All(lookups.Take(2), l => Assert.NotEmpty(l));
        Assert.DoesNotContain(lookups[0], lookups.Skip(1));
        Assert.DoesNotContain(lookups[1], new[] { lookups[0], lookups[2] });
        var chatWide = Convert.ToHexString(HMACSHA256.HashData(BotHarness.IdentityKey, Encoding.UTF8.GetBytes("author:" + _author.Key)));
        Assert.DoesNotContain(chatWide, lookups);
        Assert.Equal([feedback, second, first], book.Mine(_author.Key).Select(p => p.Code));
        var mine = await _bot.SayAsync("kiến nghị của tôi", _author);
        Assert.All(new[] { first, second, feedback }, code => mine.ShouldSay(code));
        Assert.Empty(book.Mine("telegram:5550002"));
    }

    [Fact]
    public async Task The_summary_the_receipt_the_updates_and_a_leaders_reading_are_sealed_in_the_outbox()
    {
        var code = await _bot.SubmitPetitionAsync(_author, "Tố cáo");
        await _bot.CommandAsync($"/xulydon {code}", LeaderId, inGroup: false);
        var details = await _bot.CommandAsync($"/xemdon {code}", LeaderId, inGroup: false);

        details.ShouldSay($"{Name}, SĐT {Phone}");
        var raw = RawJson(Outbox.CollectionName);
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, raw, StringComparison.Ordinal));
        var toAuthor = _bot.Get<Outbox>().For(_author.Key, 0, 1000);
        Assert.All(toAuthor.Where(m => m.Confidential), m => Assert.DoesNotContain(code, m.Key + m.Text, StringComparison.Ordinal));
        var opened = _bot.Get<Outbox>().HistoryOf(_author.Key, 0, 1000).Select(m => m.Message.Text).ToList();
        Assert.Contains(opened, t => t.Contains($"👤 {Name} · 📱 {Phone}", StringComparison.Ordinal));
        Assert.Contains(opened, t => t.Contains($"Mã theo dõi: {code}", StringComparison.Ordinal));
        Assert.Contains(opened, t => t.Contains($"Đơn {code}: Đang xem xét", StringComparison.Ordinal));
        Assert.Contains(toAuthor, m => m.Confidential && m.Text.StartsWith(DataSeal.Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_confidential_message_is_opened_to_be_sent_and_dropped_once_delivered_on_telegram()
    {
        var code = await _bot.SubmitPetitionAsync(_author, "Tố cáo");
        var telegram = new RecordingSender("telegram");

        await Dispatcher(telegram).DispatchChatAsync(_author.Key, CancellationToken.None);

        Assert.Contains(telegram.Sent, m => m.Text.Contains($"👤 {Name} · 📱 {Phone}", StringComparison.Ordinal));
        Assert.Contains(telegram.Sent, m => m.Text.Contains(code, StringComparison.Ordinal));
        var stored = _bot.Get<Outbox>().For(_author.Key, 0, 1000);
        Assert.All(stored, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.All(stored.Where(m => m.Confidential), m => Assert.Equal("", m.Text));
        Assert.All(stored.Where(m => m.Confidential), m => Assert.Empty(m.Buttons));
        Assert.Contains(stored, m => m.Confidential);
    }

    [Fact]
    public async Task On_the_web_chat_a_confidential_message_stays_sealed_and_only_its_own_history_opens_it()
    {
        var code = await _bot.SubmitPetitionAsync(_bot.Address, "Tố cáo");

        await Dispatcher(new WebChannelSender()).DispatchChatAsync(_bot.Address.Key, CancellationToken.None);

        var stored = _bot.Get<Outbox>().For(_bot.Address.Key, 0, 1000);
        Assert.All(stored, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.All(stored.Where(m => m.Confidential), m => Assert.StartsWith(DataSeal.Prefix, m.Text, StringComparison.Ordinal));
        var history = _bot.Get<Outbox>().HistoryOf(_bot.Address.Key, 0, 1000).Select(m => m.Message.Text).ToList();
        Assert.Contains(history, t => t.Contains($"👤 {Name} · 📱 {Phone}", StringComparison.Ordinal));
        Assert.Contains(history, t => t.Contains($"Mã theo dõi: {code}", StringComparison.Ordinal));
        Assert.DoesNotContain(_bot.Get<Outbox>().HistoryOf(new ChatAddress("web", new string('f', 32)).Key, 0, 1000), _ => true);
    }

    [Fact]
    public async Task The_conversation_state_mid_flow_holds_no_typed_name_or_phone()
    {
        (await _bot.PetitionUpToConfirmAsync(_author, "Tố cáo")).ShouldSay($"👤 {Name} · 📱 {Phone}");

        var raw = RawJson(ConversationStore.CollectionName);
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, raw, StringComparison.Ordinal));
        _bot.Get<CitizenDatabase>().Checkpoint();
        var bytes = DataFolderBytes();
        Assert.All(Secrets, secret => Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret))));
        (await _bot.PressAsync("✅ Có", _author)).ShouldSay("đã tiếp nhận đơn");
    }

    [Fact]
    public async Task A_state_saved_in_clear_before_sealing_still_loads_and_is_sealed_on_the_next_turn()
    {
        await _bot.SayAsync("menu", _author);
        await _bot.PressAsync("Gửi kiến nghị, phản ánh", _author);
        var db = _bot.Get<CitizenDatabase>();
        var record = _bot.Get<ConversationStore>().Find(_author)!;
        db.Write(tx => tx.GetCollection<ConversationRecord>(ConversationStore.CollectionName).Upsert(new ConversationRecord
        {
            Id = record.Id, StateJson = record.StateJson, LastUpdateId = record.LastUpdateId, Turns = record.Turns, UpdatedAt = record.UpdatedAt,
        }));
        Assert.Contains("petition.kind", RawJson(ConversationStore.CollectionName), StringComparison.Ordinal);

        (await _bot.PressAsync("Tố cáo", _author)).ShouldSay("lĩnh vực nào");

        var saved = db.Collection<ConversationRecord>(ConversationStore.CollectionName).FindById(_author.Key);
        Assert.Equal("", saved.StateJson);
        Assert.NotNull(saved.SealedState);
        Assert.DoesNotContain("petition.", RawJson(ConversationStore.CollectionName), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Denunciations_written_with_one_lookup_per_chat_are_unlinked_at_start()
    {
        var code = await _bot.SubmitPetitionAsync(_author, "Tố cáo");
        var feedback = await _bot.SubmitPetitionAsync(_author, "Kiến nghị");
        var chatWide = Convert.ToHexString(HMACSHA256.HashData(BotHarness.IdentityKey, Encoding.UTF8.GetBytes("author:" + _author.Key)));
        _bot.Get<CitizenDatabase>().UpdateMany<Petition>(PetitionBook.CollectionName, _ => true, p => p.AuthorLookup = chatWide);

        _bot.Restart();

        var book = _bot.Get<PetitionBook>();
        Assert.NotEqual(chatWide, book.Get(code)!.AuthorLookup);
        Assert.Equal("", book.Get(feedback)!.AuthorLookup);
        Assert.Equal([feedback, code], book.Mine(_author.Key).Select(p => p.Code));
    }

    [Fact]
    public async Task Letters_and_rating_invitations_to_a_denouncer_name_neither_the_code_nor_the_kind()
    {
        var code = await _bot.SubmitPetitionAsync(_author, "Tố cáo");
        await _bot.CommandAsync($"/traloidon {code} Đã xác minh, xử lý theo quy định.", LeaderId, inGroup: false);

        _bot.Clock.Advance(TimeSpan.FromHours(1));
        _bot.Get<LetterSweep>().Run();
        _bot.Get<RatingInvitationSweep>().Run();

        var opened = _bot.Get<Outbox>().HistoryOf(_author.Key, 0, 1000).Select(m => m.Message.Text).ToList();
        Assert.Contains(opened, t => t.Contains("THƯ CẢM ƠN", StringComparison.Ordinal));
        Assert.Contains(opened, t => t.Contains("việc giải quyết đơn của ông/bà", StringComparison.Ordinal));
        var toAuthor = _bot.Get<Outbox>().For(_author.Key, 0, 1000).Select(m => m.Key + " " + m.Text + " " + string.Join(' ', m.Buttons));
        var raw = new[] { LetterBook.CollectionName, RatingBook.InvitationsCollection }.Select(RawJson).Concat(toAuthor).ToList();
        Assert.Equal(2, raw.Take(2).Count(json => json.Contains(_author.Key, StringComparison.Ordinal)));
        Assert.All(raw, json => Assert.DoesNotContain(code, json, StringComparison.Ordinal));
        Assert.All(raw, json => Assert.DoesNotContain(code[3..], json, StringComparison.Ordinal));
    }

    private OutboxDispatcher Dispatcher(IChannelSender sender) =>
        new(_bot.Get<Outbox>(), [sender], _bot.Clock, NullLogger<OutboxDispatcher>.Instance);

    private byte[] DataFolderBytes()
    {
        var all = new List<byte>();
        foreach (var file in Directory.EnumerateFiles(_bot.Get<CitizenDatabase>().DataDir))
        {
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                all.AddRange(copy.ToArray());
            }
            catch (IOException)
            {
                // The lock file is held exclusively; it is empty.
            }
        }

        return [.. all];
    }

    private sealed class RecordingSender(string channel) : IChannelSender
    {
        public List<OutgoingMessage> Sent { get; } = [];

        public string Channel => channel;

        public Task<SendOutcome> SendAsync(ChatAddress to, OutgoingMessage message, CancellationToken ct)
        {
            Sent.Add(message);
            return Task.FromResult(SendOutcome.SentAs(Sent.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
