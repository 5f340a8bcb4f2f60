using AgendaBot.Features;
using AgendaBot.Localization;
using AgendaBot.Protocol.Authentication;
using AgendaBot.Protocol.Connector;
using AgendaBot.Routing;
using AgendaBot.Telemetry;
using Azure.Core;
using Microsoft.Extensions.Options;

namespace AgendaBot.Hosting;

public static partial class BotHostingExtensions
{
    public static WebApplicationBuilder AddAgendaBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<BotAuthenticationOptions>().BindConfiguration(BotAuthenticationOptions.SectionName);
        services.AddOptions<BotCredentialOptions>().BindConfiguration(BotCredentialOptions.SectionName);
        services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.SectionName);
        services.AddOptions<BotLocalizationOptions>().BindConfiguration(BotLocalizationOptions.SectionName);
        services.AddOptions<MessageEndpointOptions>().BindConfiguration(MessageEndpointOptions.SectionName);

        builder.AddAgendaBotTelemetry();
        services.AddAgendaBotStorage();
        services.AddAgendaBotCharts();
        services.AddAgendaBotExport();
        services.AddAgendaBotDelivery();
        services.AddAgendaBotGraph();
        services.AddHttpClient(nameof(BotRequestAuthenticator));
        services.AddSingleton<BotRequestAuthenticator>();
        AddConnector(builder);

        var routes = FeatureRoutes.Build();
        services.AddSingleton(routes);
        foreach (var handler in routes.AllHandlerTypes.Concat(FeatureRoutes.FallbackHandlers))
        {
            services.AddScoped(handler);
        }

        services.AddFeatureServices();
        services.AddScoped<ActivityRouter>();
        services.AddHealthChecks();
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

    public static WebApplication MapAgendaBot(this WebApplication app)
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

        app.MapHealthChecks("/healthz");
        app.MapBotMessages();
        app.MapAgendaBotImages();
        app.MapAgendaBotExports();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No Bot:AppId configured: development mode. Requests are accepted WITHOUT authentication, from loopback callers only.")]
    private static partial void LogDevelopmentMode(ILogger logger);
}
