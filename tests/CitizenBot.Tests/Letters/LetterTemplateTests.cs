using CitizenBot.Core.Letters;
using CitizenBot.Core.Roles;
using CitizenBot.Tests.Support;

namespace CitizenBot.Tests.Letters;

/// <summary>The templates an admin edits: unknown placeholders refused unsaved, the preview's sample values, the audit.</summary>
public sealed class LetterTemplateTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public void An_unknown_placeholder_is_refused_and_nothing_is_saved_or_audited()
    {
        var templates = _bot.Get<LetterTemplates>();

        var (outcome, unknown) = templates.Set(LetterKind.LateApology, "Kính gửi {ten}, xin lỗi vì {hoso} trễ hẹn.", "account:lan", _bot.Clock.GetUtcNow());

        Assert.Equal(TemplateChange.UnknownPlaceholder, outcome);
        Assert.Equal(["hoso"], unknown);
        Assert.False(templates.IsCustom(LetterKind.LateApology));
        Assert.DoesNotContain(_bot.Get<AuditLog>().Latest(10), e => e.Action.StartsWith("letter.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sample_values_fill_every_placeholder_of_every_built_in_template()
    {
        var samples = LetterTemplates.SampleValues("UBND xã Thử Nghiệm", new DateOnly(2026, 11, 24));

        Assert.Equal(LetterTemplates.Placeholders.Keys.Order(), samples.Keys.Order());
        foreach (var text in LetterTemplates.Defaults.Values)
        {
            var rendered = LetterTemplates.Render(text, samples);
            Assert.DoesNotContain("{", rendered, StringComparison.Ordinal);
            Assert.Contains("UBND xã Thử Nghiệm", rendered, StringComparison.Ordinal);
        }
    }
}
