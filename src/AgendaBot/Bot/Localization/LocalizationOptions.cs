namespace AgendaBot.Bot.Localization;

public sealed class BotLocalizationOptions
{
    public const string SectionName = "Localization";

    /// <summary>
    /// Answer in this culture whatever the client says. Needed locally: the Agents Playground always reports
    /// <c>en-US</c>, and the people trying the bot expect German.
    /// </summary>
    public string? ForceCulture { get; set; }
}
