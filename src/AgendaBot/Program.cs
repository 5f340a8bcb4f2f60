using AgendaBot;

var builder = WebApplication.CreateBuilder(args);
builder.AddAgendaBot();

var app = builder.Build();
app.MapAgendaBot();
app.Run();

/// <summary>Entry point; public so that tests can host the real pipeline.</summary>
public partial class Program;
