using Azure.Core;
using Azure.Identity;

namespace AgendaBot.Bot.Endpoint;

internal static class CredentialFactory
{
    public static TokenCredential? Create(BotCredentialOptions options) => options.CredentialKind switch
    {
        CredentialKind.None => null,
        CredentialKind.ClientSecret => new ClientSecretCredential(
            Required(options.TenantId, "Bot:TenantId"), Required(options.AppId, "Bot:AppId"),
            Required(options.ClientSecret, "Bot:ClientSecret")),
        CredentialKind.Certificate => new ClientCertificateCredential(
            Required(options.TenantId, "Bot:TenantId"), Required(options.AppId, "Bot:AppId"),
            Required(options.CertificatePath, "Bot:CertificatePath")),
        CredentialKind.ManagedIdentity => new ManagedIdentityCredential(
            ManagedIdentityId.FromUserAssignedClientId(Required(options.AppId, "Bot:AppId"))),
        _ => throw new InvalidOperationException($"Unknown Bot:CredentialKind '{options.CredentialKind}'."),
    };

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"{name} must be set for this Bot:CredentialKind.")
            : value;
}
