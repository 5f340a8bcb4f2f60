namespace AgendaBot.Bot.Endpoint;

/// <summary>How the bot proves its identity to the connector when it has an app id.</summary>
public enum CredentialKind
{
    /// <summary>Local development with no app id: no token is sent.</summary>
    None,

    /// <summary>Single-tenant app registration with a client secret.</summary>
    ClientSecret,

    /// <summary>Single-tenant app registration with a certificate (PEM or PFX file).</summary>
    Certificate,

    /// <summary>A user-assigned managed identity (Azure Bot with "UserAssignedMSI").</summary>
    ManagedIdentity,
}

public sealed class BotCredentialOptions
{
    public const string SectionName = "Bot";

    public string? AppId { get; set; }

    /// <summary>The Entra tenant the bot's app registration lives in.</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// The tenants whose activities are served. Empty: <see cref="TenantId"/> alone when it is set, otherwise every
    /// tenant; <c>*</c> serves every tenant even with a <see cref="TenantId"/>.
    /// </summary>
    public List<string> AllowedTenants { get; set; } = [];

    public const string AllTenants = "*";

    public CredentialKind CredentialKind { get; set; } = CredentialKind.None;

    /// <summary>Read from configuration (user secrets, environment, Key Vault), never from appsettings.json.</summary>
    public string? ClientSecret { get; set; }

    public string? CertificatePath { get; set; }
}
