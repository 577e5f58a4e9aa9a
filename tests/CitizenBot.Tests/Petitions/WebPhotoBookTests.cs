using CitizenBot.Channels.Web.Photos;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Petitions.WebPhotos;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Storage;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Tests.Channels.Web;
using CitizenBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CitizenBot.Tests.Petitions;

/// <summary>Web photos in the real database: sealed at rest, attached to a petition through the dialog, swept when no petition holds them, erased with the petition's data.</summary>
public sealed class WebPhotoBookTests : IDisposable
{
    private const string OfficerId = "702";
    private readonly BotHarness _bot = new();
    private readonly ChatAddress _citizen = new("web", "e0000000000000000000000000000001");
    private readonly WebPhotoBook _photos;
    private readonly WebPhotoSweep _sweep;
    private readonly WebPhotoPersonalData _data;

    public WebPhotoBookTests()
    {
        _photos = new WebPhotoBook(_bot.Get<CitizenDatabase>(), _bot.Get<DataSeal>(), _bot.Get<CommuneClock>());
        _sweep = new WebPhotoSweep(_photos, _bot.Get<CommuneClock>(), NullLogger<WebPhotoSweep>.Instance);
        _data = new WebPhotoPersonalData(_photos, _bot.Get<CommuneClock>());
        _bot.Get<CitizenBot.Core.Roles.UserRoles>().Grant("telegram:" + OfficerId, CitizenBot.Core.Roles.UserRole.Officer, BotHarness.AdminKey);
    }

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task A_photo_is_sealed_at_rest_and_opens_as_sent()
    {
        var content = WebPhotoUploadTests.Jpeg.Concat(Enumerable.Repeat((byte)0x5A, 4096)).ToArray();

        var reference = await _photos.AddAsync(_citizen, content, "image/jpeg");

        Assert.StartsWith("web:", reference, StringComparison.Ordinal);
        var stored = _bot.Get<CitizenDatabase>().Collection<WebPhoto>(WebPhotoBook.CollectionName).FindAll().Single();
        Assert.False(stored.SealedContent.AsSpan().IndexOf(content.AsSpan(0, 64)) >= 0);
        Assert.DoesNotContain(_citizen.ChatId, stored.OwnerLookup, StringComparison.Ordinal);
        var opened = await new WebPhotoSource(_photos).OpenAsync(reference, CancellationToken.None);
        Assert.Equal(content, opened!.Content);
        Assert.Equal("image/jpeg", opened.ContentType);
        Assert.Null(_photos.Open("web:" + new string('0', 32)));
    }

    [Fact]
    public async Task A_petition_sent_with_a_web_photo_keeps_its_reference_and_the_sweep_keeps_the_photo()
    {
        var reference = await _photos.AddAsync(_citizen, WebPhotoUploadTests.Jpeg, "image/jpeg");
        var code = await SubmitWithPhotoAsync(reference);
        var stray = await _photos.AddAsync(_citizen, WebPhotoUploadTests.Jpeg, "image/jpeg");

        _bot.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, _sweep.Run());
        _bot.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(1, _sweep.Run());
        Assert.Equal(0, _sweep.Run());
        Assert.Null(_photos.Open(stray));
        Assert.NotNull(_photos.Open(reference));
        Assert.Equal([reference], _bot.Get<PetitionBook>().Get(code)!.Photos);
        Assert.Equal(code, _data.Records(_citizen).Single().Fields["Kèm theo đơn"]);
    }

    [Fact]
    public async Task Erasing_keeps_the_photo_of_a_petition_still_handled_and_removes_it_once_the_petition_is_answered()
    {
        var reference = await _photos.AddAsync(_citizen, WebPhotoUploadTests.Jpeg, "image/jpeg");
        var code = await SubmitWithPhotoAsync(reference);
        var petitionData = _bot.Get<IEnumerable<IPersonalDataHolder>>().OfType<PetitionPersonalData>().Single();

        petitionData.Erase(_citizen);
        Assert.Equal(new ErasureResult(0, 1), _data.Erase(_citizen));
        Assert.NotNull(_photos.Open(reference));

        await _bot.CommandAsync($"/traloidon {code} Đã xử lý xong.", OfficerId);
        petitionData.Erase(_citizen);
        Assert.Equal(new ErasureResult(1, 0), _data.Erase(_citizen));
        Assert.Null(_photos.Open(reference));
        Assert.Empty(_data.Records(_citizen));
    }

    [Fact]
    public async Task Another_conversations_photos_are_neither_shown_nor_erased()
    {
        var neighbour = new ChatAddress("web", "e0000000000000000000000000000002");
        var theirs = await _photos.AddAsync(neighbour, WebPhotoUploadTests.Jpeg, "image/jpeg");

        Assert.Empty(_data.Records(_citizen));
        Assert.Equal(new ErasureResult(0, 0), _data.Erase(_citizen));
        Assert.NotNull(_photos.Open(theirs));
        Assert.Single(_data.Records(neighbour));
    }

    private async Task<string> SubmitWithPhotoAsync(string reference)
    {
        await _bot.SayAsync("menu", _citizen);
        await _bot.PressAsync("Gửi kiến nghị, phản ánh", _citizen);
        await _bot.PressAsync("Kiến nghị", _citizen);
        await _bot.PressAsync("Giao thông, điện, nước", _citizen);
        await _bot.PressAsync("Thôn Một", _citizen);
        await _bot.SayAsync(PetitionSteps.Content, _citizen);
        await _bot.TurnAsync(new TurnInput { Attachments = [new InputAttachment("photo", reference)] }, _citizen);
        await _bot.TurnAsync(new TurnInput { Location = GeoPoint.Of(19.85, 105.88) }, _citizen);
        await _bot.PressAsync("Để lại họ tên", _citizen);
        await _bot.SayAsync("Trần Thị Hoa", _citizen);
        await _bot.SayAsync("0987 654 321", _citizen);
        var replies = await _bot.PressAsync("✅ Có", _citizen);
        return System.Text.RegularExpressions.Regex.Match(replies.AllText(), "KN-[A-Z0-9]{6}").Value;
    }
}
