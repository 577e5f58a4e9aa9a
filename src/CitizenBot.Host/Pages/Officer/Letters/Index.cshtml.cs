using CitizenBot.Core.Letters;
using CitizenBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenBot.Host.Pages.Officer.Letters;

/// <summary>The letters' templates: each kind with its Vietnamese name and whether an admin changed it.</summary>
[Authorize(Policy = ConsolePolicies.Admin)]
public sealed class IndexModel(LetterTemplates templates) : PageModel
{
    public IReadOnlyList<(LetterKind Kind, bool Custom)> Kinds { get; private set; } = [];

    public void OnGet() => Kinds = [.. Enum.GetValues<LetterKind>().Select(k => (k, templates.IsCustom(k)))];
}
