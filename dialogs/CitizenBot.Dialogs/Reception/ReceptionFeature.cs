using CitizenBot.Core.Commune;
using CitizenBot.Core.Reception;
using CitizenBot.Dialogs.Engine;
using CitizenBot.Dialogs.Menu;
using CitizenBot.Dialogs.Officers;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Dialogs.Reception;

/// <summary>Reception: citizens book, move and cancel a meeting with the commune's leaders; officers keep the day's list. Registers the slice in one place: its core services (stores, sweeps, personal data), its dialogs and prompts, its menu entries and its officer commands.</summary>
public static class ReceptionFeature
{
    public static IServiceCollection AddReceptionFeature(this IServiceCollection services, ReceptionOptions options)
    {
        services.AddReception(options);
        services.AddSingleton(new MenuEntry("reception", BookingTexts.MenuLabel, BookReceptionDialog.DialogId, 20, BookingTexts.MenuSynonyms, BookingTexts.MenuHelp));
        services.AddSingleton(new MenuEntry("reception.mine", BookingTexts.MineLabel, MyBookingsDialog.DialogId, 25, BookingTexts.MineSynonyms, BookingTexts.MineHelp, Activity: "xem, đổi lịch hẹn"));
        services.AddSingleton(new PayloadRoute("bk:", MyBookingsDialog.DialogId));
        services.AddSingleton<Dialog, BookReceptionDialog>();
        services.AddSingleton<Dialog, MyBookingsDialog>();
        services.AddSingleton<IOfficerCommand, DayBookingsCommand>();
        services.AddSingleton<IOfficerCommand>(sp => new MarkBookingCommand(sp.GetRequiredService<ReceptionBook>(), sp.GetRequiredService<CommuneClock>(), attended: true));
        services.AddSingleton<IOfficerCommand>(sp => new MarkBookingCommand(sp.GetRequiredService<ReceptionBook>(), sp.GetRequiredService<CommuneClock>(), attended: false));
        services.AddSingleton<IOfficerCommand, ExportBookingsCommand>();
        services.AddSingleton<IOfficerCommand, AddSessionCommand>();
        return services;
    }
}
