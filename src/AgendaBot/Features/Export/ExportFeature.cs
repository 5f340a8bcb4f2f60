using AgendaBot.Storage.Exports;

namespace AgendaBot.Features.Export;

/// <summary>The export for publication: the document builder, the PDF converter and the file store (served by the web front door).</summary>
public static class ExportFeature
{
    public static IServiceCollection AddExport(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.SectionName)
            .Validate(ExportOptions.IsValid, "Export:PdfTimeout and Export:JobPollInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ExportStore>();
        services.AddSingleton<PdfConverter>();
        services.AddScoped<AgendaContentReader>();
        services.AddScoped<AgendaExporter>();
        services.AddScoped<ExportRights>();
        services.AddSingleton<ExportJobs>();
        services.AddSingleton<ExportSignal>();
        services.AddScoped<ExportMaker>();
        services.AddSingleton<ExportJobWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<ExportJobWorker>());
        return services;
    }
}
