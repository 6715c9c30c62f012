using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.Open311.Integrations;

/// <summary>Register (Id 0) or edit an Open311 integration; a new one gets its key once, in the answer.</summary>
internal sealed record IntegrationInput(string? Name, int RequestsPerMinute = 120, bool Enabled = true, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class IntegrationInputValidator : AbstractValidator<IntegrationInput>
{
    public IntegrationInputValidator()
    {
        RuleFor(x => x.Name).RequiredText("接入方名称", Open311IntegrationConfiguration.NameLength);
        RuleFor(x => x.RequestsPerMinute).InclusiveBetween(1, Open311IntegrationConfiguration.MaxPerMinute)
            .WithMessage($"每分钟请求上限应在 1 到 {Open311IntegrationConfiguration.MaxPerMinute} 之间");
    }
}

/// <summary>An integration as the Admin sees it; <see cref="ApiKey"/> only right after registering.</summary>
internal sealed record IntegrationDto(long Id, string Name, string KeyHint, int RequestsPerMinute, bool Enabled, DateTimeOffset CreatedAt, Guid Version, string? ApiKey = null)
{
    public static IntegrationDto Of(Open311Integration i, string? key = null) => new(i.Id, i.Name, i.KeyHint, i.RequestsPerMinute, i.Enabled, i.CreatedAt, i.Version, key);
}

internal sealed class SaveIntegration(SunlightDbContext db, TimeProvider clock, Open311IntegrationKeys keys, IValidator<IntegrationInput> validator)
    : UseCase<IntegrationInput, IntegrationDto>(validator)
{
    public const string NameRule = "A-OPEN311-NAME";

    protected override async Task<Outcome<IntegrationDto>> HandleAsync(IntegrationInput input, CancellationToken ct)
    {
        var name = input.Name!.Trim();
        if (await db.Set<Open311Integration>().AnyAsync(i => i.Name == name && i.Id != input.Id, ct))
        {
            return Outcome<IntegrationDto>.Refused(NameRule, $"已有名为“{name}”的接入方。");
        }
        string? key = null;
        Open311Integration? row;
        if (input.Id == 0)
        {
            key = Open311Integration.NewKey();
            row = new Open311Integration { KeyHash = Open311Integration.Hash(key), KeyHint = key[..9], CreatedAt = clock.GetUtcNow() };
            db.Add(row);
        }
        else
        {
            row = await db.Set<Open311Integration>().FirstOrDefaultAsync(i => i.Id == input.Id, ct);
            if (row is null)
            {
                return Outcome<IntegrationDto>.Missing();
            }
            if (input.Version is { } v)
            {
                db.Entry(row).Property(e => e.Version).OriginalValue = v;
            }
        }
        row.Name = name;
        row.RequestsPerMinute = input.RequestsPerMinute;
        row.Enabled = input.Enabled;
        await db.SaveChangesAsync(ct);
        keys.Invalidate();
        return IntegrationDto.Of(row, key);
    }
}

internal static class IntegrationEndpoints
{
    public static void MapOpen311Integrations(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/open311/integrations").WithTags("Open311 接入方").RequireAuthorization(PlatformPolicies.Administer);
        g.MapGet("/", async (SunlightDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Set<Open311Integration>().AsNoTracking().OrderBy(i => i.Id).ToListAsync(ct)).Select(i => IntegrationDto.Of(i)).ToList()))
            .WithSummary("Open311 接入方列表（不含密钥）");
        g.MapPost("/", (IntegrationInput? input, SaveIntegration save, CancellationToken ct) =>
                save.RunAsync(input is null ? null : input with { Id = 0 }, ct).ToHttpAsync(i => TypedResults.Created($"/api/v1/open311/integrations/{i.Id}", i), "接入方"))
            .WithSummary("登记接入方（密钥只在此时返回一次）");
        g.MapPut("/{id:long}", (long id, IntegrationInput? input, SaveIntegration save, CancellationToken ct) =>
                save.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(TypedResults.Ok, "接入方"))
            .WithSummary("修改接入方名称、限流或停用");
    }
}
