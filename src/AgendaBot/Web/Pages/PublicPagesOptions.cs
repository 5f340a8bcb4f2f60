namespace AgendaBot.Web.Pages;

/// <summary>
/// Who runs the bot, for the pages the Teams app links to (privacy notice, terms of use, imprint). A town fills these
/// in its deployment; the pages' own texts say what the bot stores and what a person can do about it.
/// </summary>
public sealed class PublicPagesOptions
{
    public const string SectionName = "PublicPages";

    /// <summary>The town or body that runs the bot and is responsible for its data, e.g. "Stadt Hagenow".</summary>
    public string? OperatorName { get; set; }

    /// <summary>Postal address, one line per line.</summary>
    public string? Address { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>Who represents the operator (the imprint's "Vertreten durch"), e.g. the mayor.</summary>
    public string? RepresentedBy { get; set; }

    /// <summary>How to reach the data protection officer, as one line.</summary>
    public string? DataProtectionOfficer { get; set; }

    /// <summary>Further paragraphs of the privacy notice (e.g. the legal basis the town relies on), blank lines between them.</summary>
    public string? PrivacyAddendum { get; set; }

    /// <summary>Further paragraphs of the terms of use, blank lines between them.</summary>
    public string? TermsAddendum { get; set; }

    public bool HasOperator => !string.IsNullOrWhiteSpace(OperatorName);
}
