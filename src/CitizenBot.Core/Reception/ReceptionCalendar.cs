using System.Globalization;
using CitizenBot.Core.Commune;
using CitizenBot.Core.Roles;
using CitizenBot.Core.Storage;

namespace CitizenBot.Core.Reception;

/// <summary>
/// Which days the commune receives citizens: the configured days of each month (moved or skipped when they
/// fall on a Sunday or a holiday) and the leaders' sessions officers add, each cut into slots.
/// </summary>
public sealed class ReceptionCalendar
{
    public const string SessionsCollection = "reception_sessions";
    public const string RegularTitle = "Tiếp công dân định kỳ";
    private const string RegularPrefix = "R";
    public const string LeaderPrefix = "L";

    private readonly CitizenDatabase _db;
    private readonly ReceptionOptions _options;
    private readonly CommuneClock _clock;

    public ReceptionCalendar(CitizenDatabase db, ReceptionOptions options, CommuneClock clock)
    {
        _db = db;
        _options = options;
        _clock = clock;
        db.EnsureIndexes<LeaderSession>(SessionsCollection, sessions => sessions.EnsureIndex(s => s.Date));
    }

    public ReceptionOptions Options => _options;

    /// <summary>The next reception days that still have a slot starting after now, soonest first.</summary>
    public List<ReceptionDay> Upcoming(int count)
    {
        var today = _clock.Today;
        var now = _clock.UtcNow;
        var days = new List<ReceptionDay>();
        var leaderDays = LeaderDaysFrom(today);
        var month = new DateOnly(today.Year, today.Month, 1);
        for (var i = 0; i < 14 && days.Count < count + leaderDays.Count; i++, month = month.AddMonths(1))
        {
            days.AddRange(RegularDaysOf(month.Year, month.Month).Where(d => d.Date >= today));
        }

        return [.. days.Concat(leaderDays.Where(d => d.OpenToCitizens))
            .Where(d => d.Slots.Any(s => StartOf(d, s) > now))
            .OrderBy(d => d.Date).ThenBy(d => d.Key, StringComparer.Ordinal)
            .Take(count)];
    }

    /// <summary>The day with this key, or null when it is not (or no longer) a reception day citizens may book.</summary>
    public ReceptionDay? Find(string key) => FindAny(key) is { OpenToCitizens: true } day ? day : null;

    /// <summary>The day with this key as officers see it: a leader's session on an unconfirmed day off too.</summary>
    public ReceptionDay? FindAny(string key)
    {
        if (key.StartsWith(RegularPrefix, StringComparison.Ordinal)
            && DateOnly.TryParseExact(key[1..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return RegularDaysOf(date.Year, date.Month).Concat(RegularDaysOf(date.AddMonths(-1).Year, date.AddMonths(-1).Month))
                .FirstOrDefault(d => d.Key == key);
        }

        if (key.StartsWith(LeaderPrefix, StringComparison.Ordinal) && int.TryParse(key[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var session = _db.Collection<LeaderSession>(SessionsCollection).FindById(id);
            return session is { Cancelled: false } ? ToDay(session) : null;
        }

        return null;
    }

    /// <summary>Every reception day on one date (a regular day and a leader's session may share it).</summary>
    public List<ReceptionDay> On(DateOnly date)
    {
        var regular = RegularDaysOf(date.Year, date.Month).Concat(RegularDaysOf(date.AddMonths(-1).Year, date.AddMonths(-1).Month));
        var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var leaders = _db.Collection<LeaderSession>(SessionsCollection).Find(s => s.Date == text && !s.Cancelled).Select(ToDay);
        return [.. regular.Where(d => d.Date == date).Concat(leaders)];
    }

    /// <summary>The instant a slot of a day starts.</summary>
    public DateTimeOffset StartOf(ReceptionDay day, ReceptionSlot slot) => _clock.FromLocal(day.Date.ToDateTime(slot.Start));

    public DateTimeOffset EndOf(ReceptionDay day, ReceptionSlot slot) => _clock.FromLocal(day.Date.ToDateTime(slot.End));

    /// <summary>Why a date is not a working day ("Chủ nhật", "Tết Nguyên đán"), or null on a working day.</summary>
    public string? DayOffName(DateOnly date) =>
        _options.HolidayName(date) ?? (date.DayOfWeek == DayOfWeek.Sunday ? "Chủ nhật" : null);

    /// <summary>
    /// Adds a leader's session after the checks every way in shares (the console, the API, the Telegram command): a title of
    /// 3 to 120 characters, not in the past, and not on a Sunday or a public holiday unless <paramref name="offDayConfirmed"/>.
    /// </summary>
    public AddSessionResult TryAddLeaderSession(DateOnly date, string? title, string addedBy, bool offDayConfirmed)
    {
        var trimmed = title?.Trim() ?? "";
        if (trimmed.Length is < 3 or > 120)
        {
            return new AddSessionResult(null, AddSessionRefusal.BadTitle, "Xin ghi tiêu đề buổi tiếp, từ 3 đến 120 ký tự (ví dụ: Chủ tịch UBND xã tiếp công dân).");
        }

        if (date < _clock.Today)
        {
            return new AddSessionResult(null, AddSessionRefusal.PastDate, "Không thể thêm buổi tiếp vào ngày đã qua.");
        }

        if (DayOffName(date) is { } dayOff && !offDayConfirmed)
        {
            return new AddSessionResult(null, AddSessionRefusal.DayOff,
                $"Ngày {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} là ngày nghỉ ({dayOff}). Nếu lãnh đạo thực sự tiếp công dân ngày này, xin đánh dấu \"{OffDayConfirmation}\" rồi lưu lại.");
        }

        return new AddSessionResult(AddLeaderSession(date, trimmed, addedBy, offDayConfirmed && DayOffName(date) is not null), AddSessionRefusal.None, null);
    }

    /// <summary>The words an officer ticks to add a session on a day off.</summary>
    public const string OffDayConfirmation = "Tôi xác nhận lịch tiếp vào ngày nghỉ";

    public LeaderSession AddLeaderSession(DateOnly date, string title, string addedBy, bool offDayConfirmed = false) => _db.WriteTransaction(tx =>
    {
        var session = new LeaderSession
        {
            Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Title = title.Trim(),
            AddedBy = addedBy,
            AddedAt = _clock.UtcNow,
            OffDayConfirmed = offDayConfirmed,
        };
        tx.GetCollection<LeaderSession>(SessionsCollection).Insert(session);
        AuditLog.Add(tx, _clock.UtcNow, addedBy, "reception.session.add", $"{LeaderPrefix}{session.Id} {session.Date}{(offDayConfirmed ? " off-day confirmed" : "")}");
        return session;
    });

    /// <summary>The reception days, regular and leaders', from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public List<ReceptionDay> Between(DateOnly from, DateOnly to)
    {
        var days = new List<ReceptionDay>();
        for (var month = new DateOnly(from.Year, from.Month, 1).AddMonths(-1); month <= to; month = month.AddMonths(1))
        {
            days.AddRange(RegularDaysOf(month.Year, month.Month).Where(d => d.Date >= from && d.Date <= to));
        }

        var first = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        days.AddRange(_db.Collection<LeaderSession>(SessionsCollection)
            .Find(LiteDB.Query.Between(nameof(LeaderSession.Date), first, last))
            .Where(s => !s.Cancelled)
            .Select(ToDay));
        return [.. days.DistinctBy(d => d.Key).OrderBy(d => d.Date)];
    }

    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek != DayOfWeek.Sunday && !_options.IsHoliday(date);

    private List<ReceptionDay> RegularDaysOf(int year, int month)
    {
        var days = new List<ReceptionDay>();
        foreach (var dayOfMonth in _options.DaysOfMonth.Distinct().Order())
        {
            var planned = new DateOnly(year, month, Math.Min(dayOfMonth, DateTime.DaysInMonth(year, month)));
            var date = planned;
            if (!IsWorkingDay(date))
            {
                if (_options.OnHoliday == HolidayRule.Skip)
                {
                    continue;
                }

                while (!IsWorkingDay(date))
                {
                    date = date.AddDays(1);
                }
            }

            if (days.All(d => d.Date != date))
            {
                days.Add(new ReceptionDay(RegularPrefix + planned.ToString("yyyyMMdd", CultureInfo.InvariantCulture), date, RegularTitle, Slots(),
                    date == planned ? null : planned));
            }
        }

        return days;
    }

    private List<ReceptionDay> LeaderDaysFrom(DateOnly from)
    {
        var text = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return [.. _db.Collection<LeaderSession>(SessionsCollection)
            .Find(s => !s.Cancelled)
            .Where(s => string.CompareOrdinal(s.Date, text) >= 0)
            .Select(ToDay)];
    }

    private ReceptionDay ToDay(LeaderSession session)
    {
        var date = DateOnly.ParseExact(session.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        // A session added on a day off before the check existed (or a day the government later made a holiday) is not offered.
        return new(LeaderPrefix + session.Id.ToString(CultureInfo.InvariantCulture), date, session.Title, Slots(),
            OpenToCitizens: session.OffDayConfirmed || IsWorkingDay(date));
    }

    private List<ReceptionSlot> Slots()
    {
        var slots = new List<ReceptionSlot>();
        var length = TimeSpan.FromMinutes(_options.SlotMinutes);
        foreach (var hours in _options.Hours)
        {
            for (var start = hours.Start; start.Add(length) <= hours.End && start.Add(length) > start; start = start.Add(length))
            {
                slots.Add(new ReceptionSlot(start, start.Add(length), _options.SlotCapacity));
            }
        }

        return slots;
    }
}

public enum AddSessionRefusal
{
    None,
    BadTitle,
    PastDate,

    /// <summary>A Sunday or a public holiday, not confirmed.</summary>
    DayOff,
}

/// <summary>A leader's session added, or why not (a Vietnamese message to show next to the field).</summary>
public sealed record AddSessionResult(LeaderSession? Session, AddSessionRefusal Refusal, string? Error);
