using CitizenBot.Core.Escalation;

namespace CitizenBot.Host.Officer;

/// <summary>Officers answer citizens' questions from the web page too (for a commune without a Telegram group).</summary>
public static class QuestionOfficerEndpoints
{
    public sealed record AnswerRequest(string? Text);

    public static RouteGroupBuilder MapQuestionOfficerApi(this RouteGroupBuilder api)
    {
        api.MapGet("/questions", (QuestionBook questions) => Results.Ok(questions.Open().Select(q => new
        {
            tag = q.Tag,
            text = q.Text,
            askedAt = q.AskedAt,
            channel = q.AddressKey.Split(':')[0],
        })));
        api.MapPost("/questions/{tag}/answer", (string tag, AnswerRequest request, QuestionBook questions, OfficerToken token, HttpContext http) =>
        {
            if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Trim().Length > 3000)
            {
                return Results.Json(new { error = "Cần nội dung trả lời (tối đa 3000 ký tự)." }, statusCode: StatusCodes.Status400BadRequest);
            }

            var (outcome, question) = questions.Answer(tag, request.Text, EscalationTexts.OfficerTitle, token.ActorOf(http) ?? OfficerToken.SharedActor);
            return outcome switch
            {
                AnswerOutcome.Answered => Results.Ok(new { tag = question!.Tag, status = "answered" }),
                AnswerOutcome.AlreadyAnswered => Results.Json(new { error = "Câu hỏi đã được trả lời trước đó." }, statusCode: StatusCodes.Status409Conflict),
                AnswerOutcome.Dismissed => Results.Json(new { error = "Câu hỏi đã được gác lại (không hợp lệ hoặc trùng lặp)." }, statusCode: StatusCodes.Status409Conflict),
                _ => Results.NotFound(new { error = "Không tìm thấy câu hỏi." }),
            };
        });
        return api;
    }
}
