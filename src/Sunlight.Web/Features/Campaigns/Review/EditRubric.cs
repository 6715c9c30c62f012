using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Review;

/// <summary>One item of the rubric: a veto (0 points) or a deduction in 案卷形式 or 案卷实体.</summary>
internal sealed record RubricItemInput(string? Code, RubricPart Part, string? Text, int Points, DefectCategory Category);

/// <summary>
/// 修订评查标准: the whole rubric as it should read from now on, edited from version <see cref="BaseVersion"/>. Saving makes
/// the next version; plans already drawn (and their reviews) keep the version they were made with.
/// </summary>
internal sealed record EditRubricInput(int BaseVersion, string? Name, int ExcellentFrom, int PassFrom, IReadOnlyList<RubricItemInput>? Items);

internal sealed class EditRubricInputValidator : AbstractValidator<EditRubricInput>
{
    public const int MaxItems = 100;

    public EditRubricInputValidator()
    {
        RuleFor(x => x.Name).RequiredText("评查标准名称", CampaignColumns.NameLength);
        RuleFor(x => x.PassFrom).InclusiveBetween(1, 100).WithMessage("合格分数线须在 1 到 100 分之间");
        RuleFor(x => x.ExcellentFrom).InclusiveBetween(1, 100).WithMessage("优秀分数线须在 1 到 100 分之间")
            .GreaterThan(x => x.PassFrom).WithMessage("优秀分数线须高于合格分数线");
        RuleFor(x => x.Items).NotEmpty().WithMessage("请填写评查项目")
            .Must(i => i is null || i.Count <= MaxItems).WithMessage($"评查项目不能超过 {MaxItems} 项")
            .Must(i => i is null || i.Where(x => !string.IsNullOrWhiteSpace(x?.Code)).GroupBy(x => x.Code!.Trim()).All(g => g.Count() == 1)).WithMessage("项目编号不能重复")
            .Must(i => PartSum(i, RubricPart.Form) <= Rubric.FormPoints).WithMessage($"案卷形式各项扣分合计不能超过 {Rubric.FormPoints} 分")
            .Must(i => PartSum(i, RubricPart.Substance) <= Rubric.SubstancePoints).WithMessage($"案卷实体各项扣分合计不能超过 {Rubric.SubstancePoints} 分");
        RuleForEach(x => x.Items).NotNull().WithMessage("评查项目不能为空").ChildRules(i =>
        {
            i.RuleFor(x => x.Code).RequiredText("项目编号", CampaignColumns.CodeLength);
            i.RuleFor(x => x.Text).RequiredText("评查项目", CampaignColumns.ItemTitleLength);
            i.RuleFor(x => x.Part).IsInEnum().WithMessage("项目类别无效");
            i.RuleFor(x => x.Category).IsInEnum().WithMessage("瑕疵类别无效");
            i.RuleFor(x => x.Points).Equal(0).When(x => x.Part == RubricPart.Veto).WithMessage("否决项不扣分，分值须为 0");
            i.RuleFor(x => x.Points).InclusiveBetween(1, Rubric.FormPoints).When(x => x.Part == RubricPart.Form)
                .WithMessage($"案卷形式的扣分须在 1 到 {Rubric.FormPoints} 分之间");
            i.RuleFor(x => x.Points).InclusiveBetween(1, Rubric.SubstancePoints).When(x => x.Part == RubricPart.Substance)
                .WithMessage($"案卷实体的扣分须在 1 到 {Rubric.SubstancePoints} 分之间");
        });
    }

    private static long PartSum(IReadOnlyList<RubricItemInput>? items, RubricPart part) =>
        items?.Where(i => i?.Part == part).Sum(i => (long)Math.Max(0, i.Points)) ?? 0;
}

/// <summary>
/// Saves the edited rubric as the next version (audited with the items before and after). Edited from an older
/// version than the current one → <c>CONCURRENCY</c>: nobody overwrites a revision they have not seen.
/// </summary>
internal sealed class EditRubric(SunlightDbContext db, Rubrics rubrics, TimeProvider clock, IValidator<EditRubricInput> validator)
    : UseCase<EditRubricInput, Rubric>(validator)
{
    protected override async Task<Outcome<Rubric>> HandleAsync(EditRubricInput input, CancellationToken ct)
    {
        var current = await rubrics.CurrentAsync(ct);
        if (current.VersionNumber != input.BaseVersion)
        {
            return Outcome<Rubric>.Refused(Rules.Concurrency, $"评查标准已修订为第 {current.VersionNumber} 版，请在最新版本上修改。");
        }
        var next = new Rubric
        {
            RegionCode = current.RegionCode, VersionNumber = current.VersionNumber + 1, Name = input.Name!.Trim(),
            ExcellentFrom = input.ExcellentFrom, PassFrom = input.PassFrom, CreatedAt = clock.GetUtcNow(),
            Items = input.Items!.Select(i => new RubricItem
            {
                Code = i.Code!.Trim(), Part = i.Part, Text = i.Text!.Trim(), Points = i.Part == RubricPart.Veto ? 0 : i.Points, Category = i.Category,
            }).ToList(),
        };
        db.Set<Rubric>().Add(next);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The (region, version) index: someone saved the same next version a moment earlier.
            return Outcome<Rubric>.Refused(Rules.Concurrency, Rules.ConcurrencyDetail);
        }
        db.RecordAudit(nameof(Rubric), next.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Edit", Image(current), Image(next));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return next;
    }

    private static Dictionary<string, object?> Image(Rubric r) => new()
    {
        ["VersionNumber"] = r.VersionNumber, ["Name"] = r.Name, ["ExcellentFrom"] = r.ExcellentFrom, ["PassFrom"] = r.PassFrom,
        ["Items"] = r.Items.Select(i => $"{i.Code} {CampaignNames.Part(i.Part)} {i.Points} 分 {CampaignNames.Defect(i.Category)}：{i.Text}").ToList(),
    };
}

internal sealed record RubricItemDto(long Id, string Code, RubricPart Part, string PartText, string Text, int Points, DefectCategory Category, string CategoryText);
internal sealed record RubricVersionRow(long Id, int Version, string Name, DateTimeOffset CreatedAt);
internal sealed record RubricDto(long Id, int Version, string Name, int ExcellentFrom, int PassFrom, DateTimeOffset CreatedAt, IReadOnlyList<RubricItemDto> Items,
    IReadOnlyList<RubricVersionRow> Versions)
{
    public static async Task<RubricDto> FromAsync(SunlightDbContext db, Rubric r, CancellationToken ct) => new(r.Id, r.VersionNumber, r.Name, r.ExcellentFrom, r.PassFrom, r.CreatedAt,
        r.Items.OrderBy(i => i.Part).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => new RubricItemDto(i.Id, i.Code, i.Part, CampaignNames.Part(i.Part), i.Text, i.Points, i.Category, CampaignNames.Defect(i.Category))).ToList(),
        await db.Set<Rubric>().AsNoTracking().OrderByDescending(x => x.VersionNumber).Select(x => new RubricVersionRow(x.Id, x.VersionNumber, x.Name, x.CreatedAt)).ToListAsync(ct));
}

internal static class EditRubricEndpoint
{
    public static void MapRubric(this RouteGroupBuilder campaigns)
    {
        campaigns.MapPost("/rubric", (EditRubricInput? input, EditRubric edit, SunlightDbContext db, CancellationToken ct) =>
                edit.RunAsync(input, ct).ToHttpAsync(async r => TypedResults.Created($"/api/v1/campaigns/rubrics/{r.Id}", await RubricDto.FromAsync(db, r, ct)), "评查标准"))
            .RequireAuthorization(CampaignPolicies.Manage).WithSummary("修订评查标准：否决项、案卷形式 20 分与案卷实体 80 分的扣分项、等次分数线；每次保存为新版本");

        campaigns.MapGet("/rubric", async (Rubrics rubrics, SunlightDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await RubricDto.FromAsync(db, await rubrics.CurrentAsync(ct), ct)))
            .RequireAuthorization(CampaignPolicies.Inspect).WithSummary("现行评查标准及其各版本");

        campaigns.MapGet("/rubrics/{id:long}", async Task<Results<Ok<RubricDto>, ProblemHttpResult>> (long id, SunlightDbContext db, CancellationToken ct) =>
                await db.Set<Rubric>().AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == id, ct) is { } r
                    ? TypedResults.Ok(await RubricDto.FromAsync(db, r, ct)) : ApiErrors.NotFound("评查标准"))
            .RequireAuthorization(CampaignPolicies.Inspect).WithSummary("评查标准的某一版本（评查方案所用的版本）");
    }
}
