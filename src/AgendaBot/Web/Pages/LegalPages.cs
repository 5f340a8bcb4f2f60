using System.Globalization;
using AgendaBot.Bot.Localization;

namespace AgendaBot.Web.Pages;

public enum LegalPage
{
    Privacy,
    Terms,
    Imprint,
}

/// <summary>
/// The privacy notice, terms of use and imprint the Teams app links to: the bot's own account of what it stores and
/// what a person can do, with the operator's details from <see cref="PublicPagesOptions"/>. Every text is a resource.
/// </summary>
public static class LegalPages
{
    /// <summary>Each page's address in German and in English; the manifest links the German ones.</summary>
    public static string PathOf(LegalPage page, bool english) => (page, english) switch
    {
        (LegalPage.Privacy, false) => "/datenschutz",
        (LegalPage.Privacy, true) => "/privacy",
        (LegalPage.Terms, false) => "/nutzungsbedingungen",
        (LegalPage.Terms, true) => "/terms",
        (LegalPage.Imprint, false) => "/impressum",
        _ => "/imprint",
    };

    public static string Render(LegalPage page, bool english, PublicPagesOptions operatorDetails)
    {
        ArgumentNullException.ThrowIfNull(operatorDetails);
        var texts = new Texts(CultureInfo.GetCultureInfo(english ? "en" : "de"));
        var html = new HtmlPage(texts, Title(page, texts), PathOf(page, !english), operatorDetails.OperatorName);
        switch (page)
        {
            case LegalPage.Privacy:
                Privacy(html, texts, operatorDetails);
                break;
            case LegalPage.Terms:
                Terms(html, texts, operatorDetails);
                break;
            default:
                Imprint(html, texts, operatorDetails);
                break;
        }

        html.Footer(Enum.GetValues<LegalPage>().Select(p => (LinkTitle(p, texts), PathOf(p, english))));
        return html.ToString();
    }

    private static void Privacy(HtmlPage html, Texts texts, PublicPagesOptions details)
    {
        html.Paragraph(texts[TextKey.PagesPrivacyIntro]);
        html.Heading(texts[TextKey.PagesResponsibleHeading]);
        Operator(html, texts, details);
        if (!string.IsNullOrWhiteSpace(details.DataProtectionOfficer))
        {
            html.Paragraph(texts.Format(TextKey.PagesDpo, details.DataProtectionOfficer));
        }

        html.Heading(texts[TextKey.PagesDataHeading]);
        html.List([texts[TextKey.PagesData1], texts[TextKey.PagesData2], texts[TextKey.PagesData3], texts[TextKey.PagesData4],
            texts[TextKey.PagesData5], texts[TextKey.PagesData6], texts[TextKey.PagesData7]]);
        html.Heading(texts[TextKey.PagesIdeaWindowHeading]);
        html.Paragraph(texts[TextKey.PagesIdeaWindowData]);
        html.Heading(texts[TextKey.PagesPurposeHeading]);
        html.Paragraph(texts[TextKey.PagesPurpose]);
        html.Heading(texts[TextKey.PagesWhereHeading]);
        html.Paragraph(texts[TextKey.PagesWhere]);
        html.Heading(texts[TextKey.PagesRightsHeading]);
        html.List([texts[TextKey.PagesRights1], texts[TextKey.PagesRights2], texts[TextKey.PagesRights3]]);
        Addendum(html, details.PrivacyAddendum);
    }

    private static void Terms(HtmlPage html, Texts texts, PublicPagesOptions details)
    {
        html.Paragraph(texts[TextKey.PagesTermsIntro]);
        html.List([texts[TextKey.PagesTerms1], texts[TextKey.PagesTerms2], texts[TextKey.PagesTerms3], texts[TextKey.PagesTerms4]]);
        Addendum(html, details.TermsAddendum);
        html.Heading(texts[TextKey.PagesResponsibleHeading]);
        Operator(html, texts, details);
    }

    private static void Imprint(HtmlPage html, Texts texts, PublicPagesOptions details)
    {
        Operator(html, texts, details);
        if (!string.IsNullOrWhiteSpace(details.RepresentedBy))
        {
            html.Paragraph(texts.Format(TextKey.PagesRepresentedBy, details.RepresentedBy));
        }
    }

    // The operator's name, address and how to reach them; said plainly when a deployment has not filled them in.
    private static void Operator(HtmlPage html, Texts texts, PublicPagesOptions details)
    {
        if (!details.HasOperator)
        {
            html.Paragraph(texts[TextKey.PagesNotSetUp]);
            return;
        }

        html.Address(
        [
            details.OperatorName!,
            .. (details.Address ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            .. string.IsNullOrWhiteSpace(details.Email) ? Array.Empty<string>() : [texts.Format(TextKey.PagesEmail, details.Email)],
            .. string.IsNullOrWhiteSpace(details.Phone) ? Array.Empty<string>() : [texts.Format(TextKey.PagesPhone, details.Phone)],
        ]);
    }

    private static void Addendum(HtmlPage html, string? addendum)
    {
        foreach (var paragraph in (addendum ?? string.Empty).ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Paragraph(paragraph);
        }
    }

    private static string Title(LegalPage page, Texts texts) => page switch
    {
        LegalPage.Privacy => texts[TextKey.PagesPrivacyTitle],
        LegalPage.Terms => texts[TextKey.PagesTermsTitle],
        _ => texts[TextKey.PagesImprintTitle],
    };

    public static string LinkTitle(LegalPage page, Texts texts) => page switch
    {
        LegalPage.Privacy => texts[TextKey.PagesPrivacyLink],
        LegalPage.Terms => texts[TextKey.PagesTermsLink],
        _ => texts[TextKey.PagesImprintLink],
    };
}
