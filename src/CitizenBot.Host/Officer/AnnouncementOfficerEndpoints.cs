using CitizenBot.Core.Announcements;
using CitizenBot.Core.Messaging;

namespace CitizenBot.Host.Officer;

/// <summary>Announcements from the officer page: the village groups, publishing, and the delivery report.</summary>
public static class AnnouncementOfficerEndpoints
{
    public sealed record PublishRequest(string? Text, List<string>? Villages);

    public static RouteGroupBuilder MapAnnouncementOfficerApi(this RouteGroupBuilder api)
    {
        api.MapGet("/announcements/villages", (AnnouncementBook board) =>
            Results.Ok(board.AudienceByVillage().Select(v => new { village = v.Village, groups = v.Groups, citizens = v.Citizens, recipients = v.Total })));
        api.MapGet("/announcements/groups", (AnnouncementBook board) =>
            Results.Ok(board.Groups().Select(g => new { chat = g.Id, village = g.Village, active = g.Active })));
        api.MapPost("/announcements", (PublishRequest request, AnnouncementBook board, OfficerToken token, HttpContext http) =>
        {
            var text = request.Text?.Trim() ?? "";
            if (text.Length is < 10 or > 3500)
            {
                return Results.Json(new { error = "Nội dung thông báo cần từ 10 đến 3500 ký tự." }, statusCode: StatusCodes.Status400BadRequest);
            }

            // An unknown village ("kim son" where there is none) is refused with the villages there are, never sent to no one.
            var (villages, unknown) = board.ResolveVillages(request.Villages ?? []);
            if (unknown.Count > 0)
            {
                return Results.Json(new { error = AnnouncementTexts.UnknownVillages(unknown, board.Villages), villages = board.Villages },
                    statusCode: StatusCodes.Status400BadRequest);
            }

            if (board.Recipients(villages).Count == 0)
            {
                return Results.Json(new { error = AnnouncementTexts.NoRecipients }, statusCode: StatusCodes.Status400BadRequest);
            }

            var announcement = board.Publish(text, null, villages, token.ActorOf(http) ?? OfficerToken.SharedActor, null);
            return Results.Ok(new { id = announcement.Id, code = announcement.Code, recipients = announcement.Recipients });
        });
        api.MapGet("/announcements/{id:long}", (long id, AnnouncementBook board) =>
        {
            if (board.Get(id) is not { } announcement)
            {
                return Results.NotFound(new { error = "Không tìm thấy thông báo." });
            }

            var report = board.Report(announcement);
            return Results.Ok(new
            {
                code = announcement.Code,
                recipients = announcement.Recipients,
                delivered = report.Delivered,
                pending = report.Pending,
                unconfirmed = report.Unconfirmed,
                failed = report.Failed.Select(f => new { recipient = f.Recipient, reason = AnnouncementTexts.Reason(f.Reason) }),
                text = AnnouncementTexts.Report(report),
            });
        });
        return api;
    }
}
