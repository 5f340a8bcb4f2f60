using AgendaBot.Export;
using AgendaBot.Storage.Exports;

namespace AgendaBot.Hosting;

/// <summary>The export for publication: the document builder, the PDF converter, the file store and <c>GET /exports/{token}</c>.</summary>
public static class ExportHostingExtensions
{
    public static IServiceCollection AddAgendaBotExport(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.SectionName)
            .Validate(ExportOptions.IsValid, "Export:PdfTimeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ExportStore>();
        services.AddSingleton<PdfConverter>();
        services.AddScoped<AgendaContentReader>();
        services.AddScoped<AgendaExporter>();
        services.AddScoped<Features.Export.ExportRights>();
        return services;
    }

    public static IEndpointRouteBuilder MapAgendaBotExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportEndpoint.Route, ExportEndpoint.GetAsync);
        return endpoints;
    }
}
