using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AgendaBot.Web.Pages;

/// <summary>What the idea window needs besides its endpoints: options, the form token and the per-client rate limit.</summary>
public static class IdeaWindowSetup
{
    public const string RateLimitPolicy = "idea-window";

    public static IServiceCollection AddIdeaWindow(this IServiceCollection services)
    {
        services.AddOptions<IdeaWindowOptions>().BindConfiguration(IdeaWindowOptions.SectionName)
            .Validate(o => o.PerClient > 0 && o.DailyCapPerAgenda > 0 && o.PerClientWindow > TimeSpan.Zero && o.MaxRequestBytes >= 4096,
                "IdeaWindow: PerClient, DailyCapPerAgenda and PerClientWindow must be positive, MaxRequestBytes at least 4096.")
            .ValidateOnStart();
        services.AddSingleton<ClientFingerprints>();
        // The one cookie the public pages set: the form's token, only on the idea window, only for this site, not for scripts.
        services.AddAntiforgery(o =>
        {
            o.FormFieldName = "form-token";
            o.Cookie.Name = "agenda-form";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.Path = "/agenda";
            // The pages say "no framing at all" themselves (DENY); antiforgery would weaken it to SAMEORIGIN.
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<IdeaWindowOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(http.RequestServices.GetRequiredService<ClientFingerprints>().Of(http),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PerClient, Window = options.PerClientWindow, QueueLimit = 0 });
            });
            o.OnRejected = (context, cancellationToken) => new ValueTask(IdeaWindowEndpoints.TooManyAsync(context.HttpContext, cancellationToken));
        });
        return services;
    }
}
