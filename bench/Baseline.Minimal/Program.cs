var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/healthz", () => "Healthy");
await app.RunAsync();
