using CitizenBot.Dialogs.Engine;

namespace CitizenBot.Dialogs.Guide;

/// <summary>
/// The guide's buttons (procedures, menu items, "send to an officer"): a button or its typed label is the choice;
/// any other text is a new question (<see cref="TextPrefix"/>), never "I did not understand your choice".
/// </summary>
public sealed class GuidePickPrompt(string id) : ChoiceOrTextPrompt(id, TextPrefix)
{
    public const string TextPrefix = "t:";

    protected override string DefaultRetry => GuideTexts.PickRetry;

    protected override bool Accepts(string text) => true;
}
