using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CitizenBot.Channels.Zalo;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Reception;
using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CitizenBot.Tests.Channels.Zalo;

/// <summary>
/// How the Zalo sender chooses the way out (free reply, ZNS, proactive, wait) and how each answer of Zalo becomes an
/// outcome for the outbox; a real database in a temp folder, Zalo's HTTP answers scripted.
/// </summary>
public sealed class ZaloChannelSenderTests : IDisposable
{
    private const string User = "u-77";
    private static readonly ChatAddress To = new(ZaloChannelSender.ChannelName, User);
    private readonly BotHarness _bot = new();
    private readonly ScriptedZalo _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _bot.Dispose();
    }

    private ZaloChannelSender Sender(int quota = 0, bool templates = false)
    {
        var options = new ZaloOptions
        {
            AppId = "1", AppSecretKey = "s", OaSecretKey = "k", AccessToken = "a0", RefreshToken = "r0", ApiBaseUrl = "http://zalo.test",
            OAuthBaseUrl = "http://zalo.test", ZnsBaseUrl = "http://zalo.test", MonthlyQuota = quota,
            Templates = templates ? new Dictionary<ZaloNoticeKind, string> { [ZaloNoticeKind.DossierStatus] = "555" } : new Dictionary<ZaloNoticeKind, string>(),
        };
        var api = new ZaloApiClient(new HttpClient(_http), options);
        var db = _bot.Get<CitizenDatabase>();
        var tokens = new ZaloTokenStore(Tokens, _bot.Get<DataSeal>(), options, api, _bot.Clock, NullLogger<ZaloTokenStore>.Instance);
        var zns = new ZnsNotices(new ZnsStore(db), _bot.Get<DossierBook>(), _bot.Get<DataSeal>(), _bot.Get<CommuneClock>(), options);
        return new ZaloChannelSender(api, tokens, Contacts, new ZaloNotices(_bot.Get<DossierBook>(), _bot.Get<ReceptionBook>(), _bot.Get<CommuneClock>()),
            zns, new ZnsChannelSender(api, tokens, Contacts, options, NullLogger<ZnsChannelSender>.Instance), _bot.Get<Outbox>(), _bot.Clock,
            options, _bot.Commune, NullLogger<ZaloChannelSender>.Instance);
    }

    private ReplyWindows Contacts => new(_bot.Get<CitizenDatabase>(), _bot.Clock, ZaloChannelSender.ChannelName, ZaloChannelSender.FreeWindow, ZaloChannelSender.FreeRepliesPerWindow);

    private ChannelTokens Tokens => new(_bot.Get<CitizenDatabase>(), ZaloChannelSender.ChannelName);

    private void UserWrote() => _bot.Get<CitizenDatabase>().Write(tx => Contacts.Touch(tx, User, _bot.Clock.GetUtcNow()));

    [Fact]
    public async Task Within_the_window_a_reply_goes_as_a_consultation_message_and_is_counted()
    {
        UserWrote();
        _http.Ok("""{"error":0,"message":"Success","data":{"message_id":"zm1"}}""");

        var outcome = await Sender().SendAsync(To, new OutgoingMessage("Xin chào"), CancellationToken.None);

        Assert.Equal((SendOutcomeKind.Sent, "zm1"), (outcome.Kind, outcome.MessageId));
        Assert.Equal("/v3.0/oa/message/cs", Assert.Single(_http.Paths));
        Assert.Equal(1, Contacts.Get(User)!.RepliesInWindow);
    }

    [Fact]
    public async Task After_eight_replies_or_two_days_without_a_quota_the_message_is_held_and_nothing_is_called()
    {
        UserWrote();
        for (var i = 0; i < ZaloChannelSender.FreeRepliesPerWindow; i++)
        {
            await Contacts.CountReplyAsync(User);
        }

        var afterEight = await Sender().SendAsync(To, new OutgoingMessage("Thông báo"), CancellationToken.None);
        UserWrote();
        _bot.Clock.Advance(ZaloChannelSender.FreeWindow);
        var afterTwoDays = await Sender().SendAsync(To, new OutgoingMessage("Thông báo"), CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Held, afterEight.Kind);
        Assert.Equal(SendOutcomeKind.Held, afterTwoDays.Kind);
        Assert.Empty(_http.Paths);
    }

    [Fact]
    public async Task Outside_the_window_the_monthly_quota_allows_proactive_messages_and_then_they_wait()
    {
        _http.Ok("""{"error":0,"data":{"message_id":"p1"}}""");

        var first = await Sender(quota: 1).SendAsync(To, new OutgoingMessage("Thông báo 1"), CancellationToken.None);
        var second = await Sender(quota: 1).SendAsync(To, new OutgoingMessage("Thông báo 2"), CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Sent, first.Kind);
        Assert.Equal(SendOutcomeKind.Held, second.Kind);
        Assert.Equal("/v3.0/oa/message/promotion", Assert.Single(_http.Paths));
        Assert.Equal(1, Contacts.Usage().Proactive);
    }

    [Fact]
    public async Task A_followed_dossiers_change_outside_the_window_goes_by_ZNS_to_the_dossiers_phone()
    {
        _bot.SeedDossier("HS-2411-0042", DossierStatus.InProgress, BotHarness.Start.AddDays(2));
        _bot.SeedDossier("HS-2411-0042", DossierStatus.Resolved, BotHarness.Start.AddDays(2));
        _http.Ok("""{"error":0,"data":{"msg_id":"z1","quota":{"remainingQuota":"9"}}}""");

        var outcome = await Sender(templates: true).SendAsync(To, new OutgoingMessage("Hồ sơ đã có kết quả") { OutboxKey = "dossier:HS-2411-0042:change:2:f1" }, CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        Assert.Equal("/message/template", Assert.Single(_http.Paths));
        var body = JsonNode.Parse(_http.Bodies[0])!;
        Assert.Equal("84912345678", body["phone"]!.GetValue<string>());
        Assert.Equal("555", body["template_id"]!.GetValue<string>());
        Assert.Equal(1, Contacts.Usage().Zns);

        // Sent as the change's one ZNS message, whose phone and data were sealed and are now dropped.
        var shared = _bot.Get<Outbox>().FindByKey(ZnsNotices.Key("HS-2411-0042", 2))!;
        Assert.Equal(OutboxStatus.Sent, shared.Status);
        Assert.Equal("", shared.Text);

        // A second follower of the same dossier, outside the window too: the phone is not told again.
        var again = await Sender(templates: true).SendAsync(To, new OutgoingMessage("Hồ sơ đã có kết quả") { OutboxKey = "dossier:HS-2411-0042:change:2:f2" }, CancellationToken.None);
        Assert.Equal(SendOutcomeKind.Sent, again.Kind);
        Assert.Single(_http.Paths);
    }

    [Theory]
    [InlineData(502, """{"error":-1}""", SendOutcomeKind.RetryLater)]
    [InlineData(429, "", SendOutcomeKind.RetryLater)]
    [InlineData(200, """{"error":-230,"message":"User has not interacted with the OA in the past 7 days"}""", SendOutcomeKind.Held)]
    [InlineData(200, """{"error":-213,"message":"User has not interacted with the OA in the past 48 hours"}""", SendOutcomeKind.Held)]
    [InlineData(200, """{"error":-100,"message":"Something else"}""", SendOutcomeKind.Failed)]
    public async Task Each_answer_of_Zalo_becomes_an_explicit_outcome(int status, string body, SendOutcomeKind expected)
    {
        UserWrote();
        _http.Answer((HttpStatusCode)status, body);

        var outcome = await Sender().SendAsync(To, new OutgoingMessage("Xin chào"), CancellationToken.None);

        Assert.Equal(expected, outcome.Kind);
    }

    [Fact]
    public async Task A_send_that_timed_out_is_unconfirmed_and_a_refused_connection_is_retried()
    {
        UserWrote();
        _http.Throw(new TaskCanceledException("timeout", new TimeoutException()));
        var timedOut = await Sender().SendAsync(To, new OutgoingMessage("Xin chào"), CancellationToken.None);
        _http.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));
        var refused = await Sender().SendAsync(To, new OutgoingMessage("Xin chào"), CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Unconfirmed, timedOut.Kind);
        Assert.Equal(SendOutcomeKind.RetryLater, refused.Kind);
    }

    [Fact]
    public async Task A_refused_token_is_refreshed_stored_and_the_send_made_once_more()
    {
        UserWrote();
        _http.Ok("""{"error":-216,"message":"Access token is invalid"}""");
        _http.Ok("""{"access_token":"a1","refresh_token":"r1","expires_in":"90000"}""");
        _http.Ok("""{"error":0,"data":{"message_id":"zm2"}}""");

        var outcome = await Sender().SendAsync(To, new OutgoingMessage("Xin chào"), CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        Assert.Equal(["/v3.0/oa/message/cs", "/v4/oa/access_token", "/v3.0/oa/message/cs"], _http.Paths);
        Assert.Equal(["a0", "", "a1"], _http.Tokens);
        var stored = Tokens.Load()!;
        Assert.Equal("r1", _bot.Get<DataSeal>().Open(stored.RefreshToken));
        Assert.DoesNotContain("r1", stored.RefreshToken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_question_is_followed_by_Zalos_information_form()
    {
        UserWrote();
        _http.Ok("""{"error":0,"data":{"message_id":"q"}}""");
        _http.Ok("""{"error":0,"data":{"message_id":"f"}}""");

        var outcome = await Sender().SendAsync(To, new OutgoingMessage("Xin cho biết số điện thoại", [], RequestContact: true), CancellationToken.None);

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        Assert.Equal(2, _http.Paths.Count);
        Assert.Contains("request_user_info", _http.Bodies[1], StringComparison.Ordinal);
        Assert.Equal(2, Contacts.Get(User)!.RepliesInWindow);
    }

    /// <summary>Zalo's HTTP answers, queued by the test; the last one repeats.</summary>
    private sealed class ScriptedZalo : HttpMessageHandler
    {
        private readonly Queue<Func<HttpResponseMessage>> _answers = new();
        private Func<HttpResponseMessage>? _last;

        public List<string> Paths { get; } = [];

        public List<string> Bodies { get; } = [];

        public List<string> Tokens { get; } = [];

        public void Ok(string json) => Answer(HttpStatusCode.OK, json);

        public void Answer(HttpStatusCode status, string json) =>
            _answers.Enqueue(() => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

        public void Throw(Exception ex) => _answers.Enqueue(() => throw ex);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Paths.Add(request.RequestUri!.AbsolutePath);
            Bodies.Add(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
            Tokens.Add(request.Headers.TryGetValues("access_token", out var values) ? values.First() : "");
            _last = _answers.Count > 0 ? _answers.Dequeue() : _last ?? throw new InvalidOperationException("No answer scripted.");
            return _last();
        }
    }
}
