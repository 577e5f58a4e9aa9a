using System.Text.RegularExpressions;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Roles;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Roles;

/// <summary>Officers' web logins: the one-time code does not stay in the outbox, and a revocation outlives a new grant.</summary>
public sealed partial class WebLoginsTests : IDisposable
{
    private const string OfficerId = "700";
    private const string OfficerKey = "telegram:" + OfficerId;
    private readonly BotHarness _bot = new();

    public WebLoginsTests() => _bot.Get<UserRoles>().Grant(OfficerKey, UserRole.Officer, BotHarness.AdminKey);

    public void Dispose() => _bot.Dispose();

    private WebLogins Logins => _bot.Get<WebLogins>();

    private async Task<string> AskForCodeAsync()
    {
        var replies = await _bot.CommandAsync("/dangnhapweb", OfficerId, inGroup: false);
        var match = Code().Match(replies.AllText());
        Assert.True(match.Success, replies.AllText());
        return match.Value;
    }

    private bool OutboxHolds(string code) => _bot.Get<Outbox>().All().Any(m => m.Text.Contains(code, StringComparison.Ordinal));

    [Fact]
    public async Task The_code_leaves_the_outbox_once_used()
    {
        var code = await AskForCodeAsync();
        Assert.True(OutboxHolds(code));

        Assert.NotNull(Logins.Redeem(code));

        Assert.False(OutboxHolds(code));
        Assert.Contains(_bot.Get<Outbox>().All(), m => m.Text == WebLogins.UsedCodeText);
    }

    [Fact]
    public async Task The_code_leaves_the_outbox_once_late_even_if_never_used()
    {
        var code = await AskForCodeAsync();

        _bot.Clock.Advance(WebLogins.CodeLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(1, Logins.ForgetExpired());

        Assert.False(OutboxHolds(code));
        Assert.Null(Logins.Redeem(code));
    }

    [Fact]
    public async Task Granting_a_revoked_role_again_does_not_revive_old_sessions_or_codes()
    {
        var session = Logins.Redeem(await AskForCodeAsync());
        var unused = await AskForCodeAsync();
        Assert.Equal(OfficerKey, Logins.UserOf(session));

        _bot.Get<UserRoles>().Grant(OfficerKey, UserRole.Citizen, BotHarness.AdminKey);
        _bot.Get<UserRoles>().Grant(OfficerKey, UserRole.Officer, BotHarness.AdminKey);

        Assert.Null(Logins.UserOf(session));
        Assert.Null(Logins.Redeem(unused));
        Assert.Equal(OfficerKey, Logins.UserOf(Logins.Redeem(await AskForCodeAsync())));
    }

    [Fact]
    public async Task A_session_slides_with_use_and_ends_after_twelve_idle_hours_or_a_logout()
    {
        var session = Logins.Redeem(await AskForCodeAsync());
        for (var i = 0; i < 4; i++)
        {
            _bot.Clock.Advance(TimeSpan.FromHours(11));
            Assert.Equal(OfficerKey, Logins.UserOf(session));
        }

        _bot.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        Assert.Null(Logins.UserOf(session));

        var other = Logins.Redeem(await AskForCodeAsync());
        Assert.True(Logins.Close(other));
        Assert.Null(Logins.UserOf(other));
    }

    [GeneratedRegex("[A-Z2-9]{4}-[A-Z2-9]{4}")]
    private static partial Regex Code();
}
