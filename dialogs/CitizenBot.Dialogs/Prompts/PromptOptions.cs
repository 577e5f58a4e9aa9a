using System.Globalization;
using System.Text.Json;

namespace CitizenBot.Dialogs.Engine;

/// <summary>A choice offered as a button; synonyms are matched when the citizen types instead.</summary>
public sealed record Choice(string Value, string Label, IReadOnlyList<string>? Synonyms = null);

/// <summary>What a prompt asks, how it asks again, and how many tries it allows. Stored with the prompt's state.</summary>
public sealed record PromptOptions
{
    public required string Prompt { get; init; }

    public string? Retry { get; init; }

    public IReadOnlyList<Choice> Choices { get; init; } = [];

    public int MaxAttempts { get; init; } = 3;

    public int? Min { get; init; }

    /// <summary>Buttons per row: short choices (reception hours) in a grid; 1 (one per row) unless given.</summary>
    public int Columns { get; init; } = 1;

    public int? Max { get; init; }

    /// <summary>The main menu itself does not offer "back to the menu".</summary>
    public bool HideMenuButton { get; init; }

    /// <summary>The prompt shows what must not be at rest in clear (a denouncer's name and phone): sent as a confidential message.</summary>
    public bool Confidential { get; init; }

    public IReadOnlyDictionary<string, string> ToValues()
    {
        var values = new Dictionary<string, string>
        {
            ["prompt"] = Prompt,
            ["maxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
            ["hideMenu"] = HideMenuButton ? "1" : "0",
        };
        if (Confidential)
        {
            values["confidential"] = "1";
        }

        if (Retry is not null)
        {
            values["retry"] = Retry;
        }

        if (Choices.Count > 0)
        {
            values["choices"] = JsonSerializer.Serialize(Choices);
        }

        if (Columns > 1)
        {
            values["columns"] = Columns.ToString(CultureInfo.InvariantCulture);
        }

        if (Min is { } min)
        {
            values["min"] = min.ToString(CultureInfo.InvariantCulture);
        }

        if (Max is { } max)
        {
            values["max"] = max.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    public static PromptOptions FromValues(IReadOnlyDictionary<string, string> values) => new()
    {
        Prompt = values.GetValueOrDefault("prompt", ""),
        Retry = values.GetValueOrDefault("retry"),
        MaxAttempts = int.Parse(values.GetValueOrDefault("maxAttempts", "3"), CultureInfo.InvariantCulture),
        HideMenuButton = values.GetValueOrDefault("hideMenu") == "1",
        Confidential = values.GetValueOrDefault("confidential") == "1",
        Choices = values.TryGetValue("choices", out var json) ? JsonSerializer.Deserialize<List<Choice>>(json) ?? [] : [],
        Columns = values.TryGetValue("columns", out var columns) ? int.Parse(columns, CultureInfo.InvariantCulture) : 1,
        Min = values.TryGetValue("min", out var min) ? int.Parse(min, CultureInfo.InvariantCulture) : null,
        Max = values.TryGetValue("max", out var max) ? int.Parse(max, CultureInfo.InvariantCulture) : null,
    };
}
