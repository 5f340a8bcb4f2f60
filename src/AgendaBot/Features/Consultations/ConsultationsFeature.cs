namespace AgendaBot.Features.Consultations;

public static class ConsultationsFeature
{
    /// <summary>Consultations with other towns and bodies: who may record them and the form they are recorded on.</summary>
    public static IServiceCollection AddConsultations(this IServiceCollection services) => services
        .AddScoped<ConsultationRights>()
        .AddScoped<ConsultationForm>();
}
