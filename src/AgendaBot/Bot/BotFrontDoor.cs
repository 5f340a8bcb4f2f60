using AgendaBot.Bot.Endpoint;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Posting;
using AgendaBot.Bot.Routing;
using AgendaBot.Infrastructure.Telemetry;
using AgendaBot.Protocol.Authentication;
using AgendaBot.Protocol.Connector;
using Azure.Core;
using Microsoft.Extensions.Options;

namespace AgendaBot.Bot;

/// <summary>
/// The door Teams knocks on: <c>POST /api/messages</c>, the turn, the route table and the ways to answer. It is given
/// the route table and knows no feature, so a feature is added by a line in <c>FeatureRoutes</c>, not here.
/// </summary>
public static partial class BotFrontDoor
{
    public static WebApplicationBuilder AddBotFrontDoor(this WebApplicationBuilder builder, RouteTable routes)
    {
        var services = builder.Services;
        services.AddOptions<BotAuthenticationOptions>().BindConfiguration(BotAuthenticationOptions.SectionName);
        services.AddOptions<BotCredentialOptions>().BindConfiguration(BotCredentialOptions.SectionName);
        services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.SectionName);
        services.AddOptions<BotLocalizationOptions>().BindConfiguration(BotLocalizationOptions.SectionName);
        services.AddOptions<MessageEndpointOptions>().BindConfiguration(MessageEndpointOptions.SectionName);
        services.AddHttpClient(nameof(BotRequestAuthenticator));
        services.AddSingleton<BotRequestAuthenticator>();
        services.AddSingleton<TeamsDoor>();
        AddConnector(builder);

        services.AddSingleton(routes);
        foreach (var handler in routes.AllHandlerTypes)
        {
            services.AddScoped(handler);
        }

        services.AddScoped<ActivityRouter>();
        services.AddScoped<ImmediatePosts>();
        services.AddSingleton<DurablePosts>();
        services.AddScoped<Poster>();
        return builder;
    }

    private static void AddConnector(WebApplicationBuilder builder)
    {
        var credentialOptions = builder.Configuration.GetSection(BotCredentialOptions.SectionName).Get<BotCredentialOptions>()
            ?? new BotCredentialOptions();
        var services = builder.Services;
        if (CredentialFactory.Create(credentialOptions) is { } credential)
        {
            services.AddSingleton(credential);
        }

        services.AddTransient<ConnectorRetryHandler>();
        // Telemetry inside the retries: each attempt is measured with its own status code.
        var client = services.AddHttpClient<ConnectorClient>().AddHttpMessageHandler<ConnectorRetryHandler>()
            .AddHttpMessageHandler<ConnectorTelemetryHandler>();
        if (!string.IsNullOrWhiteSpace(credentialOptions.AppId))
        {
            // The credential is resolved from the container so that a deployment (or a test) can supply its own.
            services.AddTransient<ConnectorTokenHandler>();
            client.AddHttpMessageHandler<ConnectorTokenHandler>();
        }
    }

    public static WebApplication MapBotFrontDoor(this WebApplication app)
    {
        var authentication = app.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        if (authentication.IsDevelopmentMode)
        {
            LogDevelopmentMode(app.Logger);
        }
        else if (app.Services.GetService<TokenCredential>() is null)
        {
            throw new InvalidOperationException(
                "Bot:AppId is set but no credential is: set Bot:CredentialKind (ClientSecret, Certificate or ManagedIdentity).");
        }

        var door = app.Services.GetRequiredService<TeamsDoor>();
        LogChannels(app.Logger, door.Channels);
        if (door.Tenants is { } tenants)
        {
            LogTenants(app.Logger, tenants);
        }
        else
        {
            LogAllTenants(app.Logger);
        }

        app.UseEndpointFailureGuard("/api/messages");
        app.MapBotMessages();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No Bot:AppId configured: development mode. Requests are accepted WITHOUT authentication, from loopback callers only.")]
    private static partial void LogDevelopmentMode(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving channels {Channels} (MessageEndpoint:AllowedChannels)")]
    private static partial void LogChannels(ILogger logger, IReadOnlyList<string> channels);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving tenants {Tenants} (Bot:AllowedTenants, or Bot:TenantId); activities of other tenants are refused")]
    private static partial void LogTenants(ILogger logger, IReadOnlyList<string> tenants);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Serving all tenants: neither Bot:AllowedTenants nor Bot:TenantId is set, so any tenant's Teams may use this bot")]
    private static partial void LogAllTenants(ILogger logger);
}
