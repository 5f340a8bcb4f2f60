namespace AgendaBot.Features;

/// <summary>The verbs of every card button the bot sends. Renaming one breaks buttons on cards already posted.</summary>
public static class CardVerbs
{
    public const string ShowHelp = "help.show";
    public const string ErasePersonalData = "personalData.erase";
}
