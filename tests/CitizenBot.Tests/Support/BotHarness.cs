using CitizenBot.Core.Commune;
using CitizenBot.Core.Conversations;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Escalation;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Petitions;
using CitizenBot.Core.Reception;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;
using CitizenBot.Core.Summaries;
using CitizenBot.Dialogs;
using CitizenBot.Dialogs.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CitizenBot.Tests.Support;

/// <summary>
/// The real dialog engine, stores and a real LiteDB file, with a fake clock, and no channel: tests
/// say something as a citizen and read what the bot queued in reply. <see cref="Restart"/> reopens
/// the same data folder, as a crash and a new start would.
/// </summary>
public sealed class BotHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private readonly TempDataDir _dir = new();
    private ServiceProvider _services;
    private long _lastSeen;

    /// <param name="limits">The flood limits; tests type faster than any citizen, so by default they are lifted.</param>
    /// <param name="communePhone">The commune's phone (Commune:Phone), given when the bot cannot take more questions.</param>
    /// <param name="communeAddress">Where the one-stop desk is (Commune:Address).</param>
    /// <param name="officeHours">The desk's hours (Commune:OfficeHours).</param>
    public BotHarness(ReceptionOptions? reception = null, DateTimeOffset? start = null, RateLimitOptions? limits = null, string? communePhone = null,
        string? communeAddress = null, string? officeHours = null)
    {
        Commune = new() { Name = "UBND xã Thử Nghiệm", Villages = ["Thôn Một", "Thôn Hai", "Thôn Ba"], Phone = communePhone, Address = communeAddress, OfficeHours = officeHours };
        Reception = reception ?? new ReceptionOptions();
        _limits = limits ?? new RateLimitOptions { TurnsPerWindow = 10_000, QuestionsPerDay = 1_000, QuestionsPerSenderPerDay = 1_000 };
        Clock = new FakeTimeProvider(start ?? Start);
        _services = Build();
    }

    private readonly RateLimitOptions _limits;

    public FakeTimeProvider Clock { get; }

    public ChatAddress Address { get; } = new("web", "0123456789abcdef0123456789abcdef");

    public IServiceProvider Services => _services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public CommuneOptions Commune { get; }

    public static ChatAddress OfficersChat { get; } = new("telegram", "-100");

    public static ChatAddress LeadersChat { get; } = new("telegram", "-200");

    /// <summary>The configured admin: a Telegram user id.</summary>
    public const string AdminId = "900";

    public static string AdminKey => $"telegram:{AdminId}";

    public ReceptionOptions Reception { get; }

    /// <summary>The key that seals denouncers' identities in this harness.</summary>
    public static byte[] IdentityKey { get; } = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    /// <summary>Sends text and returns the replies queued by that turn.</summary>
    public Task<List<OutgoingMessage>> SayAsync(string text, ChatAddress? from = null) => TurnAsync(TurnInput.FromText(text), from);

    /// <summary>Presses the button whose label contains the given words, from the latest message that has it.</summary>
    public Task<List<OutgoingMessage>> PressAsync(string labelPart, ChatAddress? from = null)
    {
        var button = Get<Outbox>().HistoryOf((from ?? Address).Key, 0, 10_000)
            .SelectMany(m => m.Message.Buttons)
            .LastOrDefault(b => b.Label.Contains(labelPart, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No button containing \"{labelPart}\" was offered. Offered: {string.Join(" | ", Get<Outbox>().All().SelectMany(m => m.Buttons).Select(b => b.Label))}");
        return TurnAsync(TurnInput.FromPayload(button.Payload), from);
    }

    public async Task<List<OutgoingMessage>> TurnAsync(TurnInput input, ChatAddress? from = null)
    {
        var address = from ?? Address;
        await Get<ConversationBot>().HandleAsync(address, input, CancellationToken.None);
        var fresh = Get<Outbox>().For(address.Key, _lastSeen, 10_000);
        if (fresh.Count > 0)
        {
            _lastSeen = fresh[^1].Id;
        }

        return [.. fresh.Select(Get<Outbox>().Open)];
    }

    public void SeedDossier(string code, DossierStatus status, DateTimeOffset dueAt, string phone = "0912345678", DossierChannel channel = DossierChannel.Direct)
    {
        var key = DossierCode.Key(code);
        Get<DossierBook>().Upsert([new Dossier
        {
            Code = DossierCode.Canonical(code), LookupKey = key, NumberKey = DossierCode.NumberKey(key),
            Procedure = "Đăng ký khai sinh", Field = "Hộ tịch", Applicant = "Nguyễn Văn An", Phone = phone,
            Channel = channel, ReceivedAt = Start.AddDays(-5), DueAt = dueAt, Status = status,
        }], Clock.GetUtcNow());
    }

    /// <summary>Closes the database and opens the same folder again with fresh services.</summary>
    public void Restart()
    {
        _services.Dispose();
        _services = Build();
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(_ => TestDatabase.Open(_dir.Path));
        services.AddFeatures(new FeatureSettings
        {
            Commune = Commune,
            Roles = new RoleOptions { AdminUserKeys = [AdminKey], OfficersChat = OfficersChat },
            Escalation = new EscalationOptions { OfficersChat = OfficersChat, LeadersChat = LeadersChat },
            Reception = Reception,
            Petitions = new PetitionOptions { IdentityKey = IdentityKey, IsHoliday = Reception.IsHoliday },
            Summaries = new SummaryOptions { LeadersChat = LeadersChat },
            RateLimits = _limits,
        });
        return services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _services.Dispose();
        _dir.Dispose();
    }
}
