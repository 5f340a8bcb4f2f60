using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Agendas;

namespace AgendaBot.Web.Pages;

/// <summary>What a citizen typed into the idea window, kept as it was so that a refused form shows it again.</summary>
public sealed record IdeaForm(string? Field, string? Text, string? District, bool Consent)
{
    public static IdeaForm Empty { get; } = new(null, null, null, false);
}

/// <summary>
/// The idea window of a published agenda: the form (with what went wrong beside the field it is about), and the
/// thanks. Plain HTML, labelled fields, no script; whatever the citizen wrote goes through the encoder.
/// </summary>
public static class IdeaWindowPages
{
    public const string FieldName = "feld";
    public const string TextName = "idee";
    public const string DistrictName = "stadtteil";
    public const string ConsentName = "einverstanden";

    /// <summary>The field only a program fills in.</summary>
    public const string TrapName = "website";

    public static string PathOf(string publicId) => $"{AgendaPages.PathOf(publicId)}/ideen";

    public static string ThanksPathOf(string publicId) => $"{PathOf(publicId)}/danke";

    /// <param name="notice">Why the form is shown again (expired, too many, the day's cap), above everything else.</param>
    public static string Form(string publicId, PublishedAgenda agenda, IdeaForm values, IReadOnlyList<CitizenIdeaProblem> problems,
        (string Name, string Value) token, bool english, PublicPagesOptions site, string? notice = null)
    {
        var texts = AgendaPages.TextsFor(english);
        var html = new HtmlPage(texts, texts[TextKey.PagesIdeaFormTitle], AgendaPages.WithLanguage(PathOf(publicId), !english), site.OperatorName);
        html.Links([(texts.Format(TextKey.PagesBackToAgenda, agenda.Title), AgendaPages.WithLanguage(AgendaPages.PathOf(publicId), english))]);
        var errors = problems.Select(p => (Problem: p, Text: ProblemText(p, texts), Field: FieldOf(p))).ToList();
        if (notice is not null || errors.Count > 0)
        {
            html.Problems(texts[TextKey.PagesIdeaProblems],
                (notice is null ? [] : new[] { (notice, "idea-text") }).Concat(errors.Select(e => (e.Text, e.Field))));
        }

        html.Paragraph(texts.Format(TextKey.PagesIdeaFormIntro, agenda.Title));
        html.BeginForm(AgendaPages.WithLanguage(PathOf(publicId), english));
        html.Hidden(token.Name, token.Value);
        string? ErrorOf(string field) => errors.FirstOrDefault(e => e.Field == field).Text;
        html.Select(new FormField("idea-field", FieldName, texts[TextKey.PagesIdeaField], Required: true, Error: ErrorOf("idea-field")),
            agenda.FieldsOfAction, texts[TextKey.PagesIdeaFieldChoose], values.Field);
        html.TextArea(new FormField("idea-text", TextName, texts[TextKey.PagesIdeaText], Required: true,
            Hint: texts.Format(TextKey.PagesIdeaTextHint, CitizenIdea.MaxText), Error: ErrorOf("idea-text")), CitizenIdea.MaxText, values.Text);
        html.TextInput(new FormField("idea-district", DistrictName, texts[TextKey.PagesIdeaDistrict], Error: ErrorOf("idea-district")),
            CitizenIdea.MaxDistrict, values.District);
        html.Checkbox(new FormField("idea-consent", ConsentName, texts[TextKey.PagesIdeaConsent], Required: true, Error: ErrorOf("idea-consent")),
            values.Consent, (texts[TextKey.PagesIdeaConsentLink], LegalPages.PathOf(LegalPage.Privacy, english)));
        html.Trap(TrapName, texts[TextKey.PagesIdeaTrap]);
        html.EndForm(texts[TextKey.PagesIdeaSend]);
        AgendaPages.LegalFooter(html, texts, english);
        return html.ToString();
    }

    public static string Thanks(string publicId, PublishedAgenda agenda, bool english, PublicPagesOptions site)
    {
        var texts = AgendaPages.TextsFor(english);
        var html = new HtmlPage(texts, texts[TextKey.PagesIdeaThanksTitle], AgendaPages.WithLanguage(ThanksPathOf(publicId), !english), site.OperatorName);
        html.Paragraph(texts[TextKey.PagesIdeaThanks]);
        html.Links([
            (texts.Format(TextKey.PagesBackToAgenda, agenda.Title), AgendaPages.WithLanguage(AgendaPages.PathOf(publicId), english)),
            (texts[TextKey.PagesIdeaAnother], AgendaPages.WithLanguage(PathOf(publicId), english)),
        ]);
        AgendaPages.LegalFooter(html, texts, english);
        return html.ToString();
    }

    /// <summary>A page with one message and the way back, for what cannot show the form again (a body too large to read).</summary>
    public static string Message(string publicId, string message, bool english, PublicPagesOptions site)
    {
        var texts = AgendaPages.TextsFor(english);
        var html = new HtmlPage(texts, texts[TextKey.PagesIdeaFormTitle], AgendaPages.WithLanguage(PathOf(publicId), !english), site.OperatorName);
        html.Paragraph(message);
        html.Links([(texts[TextKey.PagesIdeasLink], AgendaPages.WithLanguage(PathOf(publicId), english))]);
        AgendaPages.LegalFooter(html, texts, english);
        return html.ToString();
    }

    private static string ProblemText(CitizenIdeaProblem problem, Texts texts) => problem switch
    {
        CitizenIdeaProblem.FieldMissing => texts[TextKey.PagesIdeaProblemField],
        CitizenIdeaProblem.TextMissing => texts[TextKey.PagesIdeaProblemText],
        CitizenIdeaProblem.TextTooLong => texts.Format(TextKey.PagesIdeaProblemTooLong, CitizenIdea.MaxText),
        CitizenIdeaProblem.DistrictTooLong => texts.Format(TextKey.PagesIdeaProblemDistrict, CitizenIdea.MaxDistrict),
        _ => texts[TextKey.PagesIdeaProblemConsent],
    };

    private static string FieldOf(CitizenIdeaProblem problem) => problem switch
    {
        CitizenIdeaProblem.FieldMissing => "idea-field",
        CitizenIdeaProblem.TextMissing or CitizenIdeaProblem.TextTooLong => "idea-text",
        CitizenIdeaProblem.DistrictTooLong => "idea-district",
        _ => "idea-consent",
    };
}
