using CitizenBot.Core.Escalation;
using CitizenBot.Core.Figures;
using CitizenBot.Core.Privacy;
using CitizenBot.Core.Ratings;
using CitizenBot.Core.Sweeps;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Core.Reception;

/// <summary>The core half of the slice's registration, called by its feature module. Reception: the calendar, bookings, the reminder sweep, the export, personal data, rating subjects and the citizen directory.</summary>
public static class ReceptionServices
{
    public static IServiceCollection AddReception(this IServiceCollection services, ReceptionOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<ReceptionCalendar>();
        services.AddSingleton<ReceptionBook>();
        services.AddSweep<BookingReminderSweep>();
        services.AddSingleton<BookingExport>();
        services.AddSingleton<ISummaryFigures, ReceptionSummaryFigures>();
        services.AddSingleton<IPersonalDataHolder, BookingPersonalData>();
        services.AddSingleton<IRatingSubjectSource, AttendedBookingSubjects>();
        services.AddSingleton<ICitizenDirectory>(sp => sp.GetRequiredService<ReceptionBook>());
        return services;
    }
}
