namespace CitizenBot.Channels.Web;

/// <summary>The chat page, embedded in the assembly so the host serves it from any working folder.</summary>
internal static class WebChatPage
{
    public static readonly string Html = Load();

    private static string Load()
    {
        using var stream = typeof(WebChatPage).Assembly.GetManifestResourceStream("CitizenBot.Channels.Web.wwwroot.index.html")
            ?? throw new InvalidOperationException("The web chat page is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
