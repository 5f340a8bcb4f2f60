using System.Globalization;
using System.Text;
using AgendaBot.Bot.Localization;

namespace AgendaBot.Features.Fallback;

/// <summary>
/// Greetings, thanks and goodbyes, in German and English: people write them to a bot as to a colleague, and they
/// deserve a friendly word back — never a contribution. Only a short message made of nothing else counts; "Danke für
/// die schnelle Umsetzung im Bürgerbüro" is a thought worth a preview.
/// </summary>
public static class SmallTalk
{
    private enum Kind
    {
        Hello,
        Thanks,
        Bye,
    }

    private static readonly (string Phrase, Kind Kind)[] Phrases =
    [
        ("hallo", Kind.Hello), ("hi", Kind.Hello), ("hey", Kind.Hello), ("moin", Kind.Hello), ("moin moin", Kind.Hello),
        ("servus", Kind.Hello), ("grüß gott", Kind.Hello), ("grüezi", Kind.Hello), ("guten morgen", Kind.Hello),
        ("guten tag", Kind.Hello), ("guten abend", Kind.Hello), ("tag", Kind.Hello), ("morgen", Kind.Hello),
        ("hello", Kind.Hello), ("good morning", Kind.Hello), ("good afternoon", Kind.Hello), ("good evening", Kind.Hello),
        ("danke", Kind.Thanks), ("danke schön", Kind.Thanks), ("dankeschön", Kind.Thanks), ("danke sehr", Kind.Thanks),
        ("vielen dank", Kind.Thanks), ("herzlichen dank", Kind.Thanks), ("besten dank", Kind.Thanks), ("merci", Kind.Thanks),
        ("thanks", Kind.Thanks), ("thank you", Kind.Thanks), ("thx", Kind.Thanks), ("many thanks", Kind.Thanks),
        ("tschüss", Kind.Bye), ("tschüs", Kind.Bye), ("ciao", Kind.Bye), ("bye", Kind.Bye), ("goodbye", Kind.Bye),
        ("auf wiedersehen", Kind.Bye), ("bis bald", Kind.Bye), ("bis später", Kind.Bye), ("schönen tag", Kind.Bye),
        ("schönes wochenende", Kind.Bye), ("see you", Kind.Bye),
    ];

    // Words that may stand around a greeting without making it a message of its own: "Hallo zusammen", "Danke dir".
    private static readonly HashSet<string> Around = new(StringComparer.Ordinal)
    {
        "zusammen", "allerseits", "agendabot", "bot", "nochmal", "noch", "mal", "sehr", "vielmals", "auch", "ihnen", "euch", "dir",
        "und", "so", "ok", "okay", "super", "prima", "toll", "everyone", "all", "again", "a", "lot", "much", "you", "there",
    };

    /// <summary>The friendly answer (a <see cref="TextKey"/>), or null if the text is more than small talk.</summary>
    public static string? AnswerTo(string text, bool personalChat)
    {
        var words = Words(text);
        if (words.Count is 0 or > 6)
        {
            return null;
        }

        Kind? found = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (Around.Contains(words[i]))
            {
                continue;
            }

            if (Longest(words, i) is not { } match)
            {
                return null;
            }

            found ??= match.Kind;
            i += match.Length - 1;
        }

        return found switch
        {
            Kind.Hello => personalChat ? TextKey.SmallTalkHello : TextKey.SmallTalkHelloChannel,
            Kind.Thanks => TextKey.SmallTalkThanks,
            Kind.Bye => TextKey.SmallTalkBye,
            _ => null,
        };
    }

    private static (Kind Kind, int Length)? Longest(List<string> words, int start) => Phrases
        .Select(p => (p.Kind, Words: p.Phrase.Split(' ')))
        .Where(p => start + p.Words.Length <= words.Count && p.Words.SequenceEqual(words.Skip(start).Take(p.Words.Length)))
        .Select(p => ((Kind, int)?)(p.Kind, p.Words.Length))
        .MaxBy(p => p!.Value.Item2);

    // Lower case, letters only: "Danke!!", "hallo :)" and "Guten Morgen, AgendaBot" read as their words.
    private static List<string> Words(string text)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var c in text.ToLower(CultureInfo.InvariantCulture))
        {
            letters.Append(char.IsLetter(c) ? c : ' ');
        }

        return [.. letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }
}
