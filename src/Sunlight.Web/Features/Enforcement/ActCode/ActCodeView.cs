using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Confidentiality;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Features.Inspections;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Enforcement.ActCode;

/// <summary>Who reads an act code: anyone (what the disclosure rules allow), or the party (by its PIN or its enterprise account).</summary>
internal enum ActAudience
{
    Public,
    Party,
}

/// <summary>One fact of the act: its value, or, hidden from this audience, the legal reason it is hidden.</summary>
internal sealed record ActField(string Key, string Label, string? Value, string? HiddenReason = null)
{
    public bool IsHidden => HiddenReason is not null;
}

/// <summary>What scanning a 行政行为码 shows: the act's public facts and stage, and per field what this audience may read.</summary>
internal sealed record ActCodeView(string Code, ActAudience Audience, string UnitName, string KindText, string StageText, IReadOnlyList<ActField> Fields);

/// <summary>
/// The reads of an act code (no login). The public sees the unit, the kind of act and its stage always, and the decision's
/// facts only while the decision is published (公示) and not withdrawn, never a natural person's name; the party sees its
/// case: the facts, the procedure steps with dates and the officers with their 执法证. Internal opinions (法制审核意见) and
/// supervision warnings are shown to nobody here. Every hidden field says why, with the legal basis.
/// </summary>
internal sealed class ActCodeLookup(SunlightDbContext db, CallerScope scope)
{
    public const string NotPublished = "决定尚未公示，办理过程中的信息不予公开（《政府信息公开条例》第十六条第二款）";
    public const string PersonalInformation = "当事人为自然人，姓名等个人信息不向社会公开（《政府信息公开条例》第十五条、《个人信息保护法》第十三条）";
    public const string ProcessForParty = "办案过程和执法人员信息仅向当事人提供（国办发〔2018〕118号 执法公示制度：事中出示执法证件、告知当事人）";
    public const string Internal = "法制审核意见和监督预警属行政机关内部事务信息，不对外提供（《政府信息公开条例》第十六条第一款）";

    public static string Withdrawn(DateOnly on, string? reason) =>
        $"该决定公示已于 {on:yyyy-MM-dd} 撤回（{reason}），不再公开（《政府信息公开条例》第二十六条；国办发〔2018〕118号）";

    /// <summary>The case behind a code, or null (unknown codes and malformed ones are the same: not found).</summary>
    public async Task<EnforcementCase?> FindAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > CaseColumns.ActCodeLength)
        {
            return null;
        }
        var wanted = code.Trim().ToLowerInvariant();
        return await db.PublicLookup<EnforcementCase>().AsNoTracking().Include(c => c.Milestones).Include(c => c.Officers).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.ActCode == wanted, ct);
    }

    /// <summary>The view for whoever asks: the party when the PIN is right or the caller is the party's enterprise account.</summary>
    public async Task<ActCodeView?> ViewAsync(string? code, string? pin, CancellationToken ct)
    {
        if (await FindAsync(code, ct) is not { } c)
        {
            return null;
        }
        var isParty = (pin is not null && c.PartyPinHash is { } hash && ComplaintCodes.VerifyPin(hash, pin))
                      || (c.PartyUscc is { } uscc && scope.Uscc == uscc);
        if (pin is not null && !isParty)
        {
            return null;
        }
        return await BuildAsync(c, isParty ? ActAudience.Party : ActAudience.Public, ct);
    }

    private async Task<ActCodeView> BuildAsync(EnforcementCase c, ActAudience audience, CancellationToken ct)
    {
        var units = await db.UnitNamesAsync([c.UnitId], ct);
        var party = audience == ActAudience.Party;
        var publicReason = c.WithdrawnOn is { } withdrawn ? Withdrawn(withdrawn, c.WithdrawalReason)
            : c.PublishedOn is null ? NotPublished
            : null;
        // What the disclosure allows the public to read; the party reads all of it.
        string? Disclosed() => party ? null : publicReason;
        string? PartyName() => party ? null : publicReason ?? (c.PartyKind == PartyKind.Person ? PersonalInformation : null);
        string? ProcessOnly() => party ? null : ProcessForParty;

        var officers = new List<string>();
        if (party)
        {
            var ids = c.Officers.Select(o => o.OfficerId).ToList();
            officers = await db.PublicLookup<Officer>().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Id)
                .Select(o => o.Name + (o.IsAuxiliary ? "（辅助人员）" : "") + " " + (o.Credentials.OrderByDescending(k => k.ValidTo).Select(k => "执法证号 " + k.Number).FirstOrDefault() ?? ""))
                .ToListAsync(ct);
        }
        var steps = string.Join("；", c.Milestones.OrderBy(m => m.Kind).ThenBy(m => m.On).Select(m => $"{EnforcementNames.Milestone(m.Kind)} {m.On:yyyy-MM-dd}"));
        var fields = new List<ActField>
        {
            Field("number", "案号", c.Number, Disclosed()),
            Field("party", "当事人", c.PartyName, PartyName()),
            Field("uscc", "统一社会信用代码", c.PartyUscc, PartyName()),
            Field("item", "执法事项", c.ItemName, Disclosed()),
            Field("basis", "法律依据", c.LegalBasis, Disclosed()),
            Field("fine", "罚款金额（元）", c.FineAmount?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Disclosed()),
            Field("decided", "决定日期", c.DateOf(MilestoneKind.Decided)?.ToString("yyyy-MM-dd"), Disclosed()),
            Field("published", "公示日期", c.PublishedOn?.ToString("yyyy-MM-dd"), Disclosed()),
            Field("steps", "办案进程", steps, ProcessOnly()),
            Field("officers", "执法人员", string.Join("；", officers), ProcessOnly()),
            new("review", "法制审核意见", null, Internal),
            new("warnings", "合法性预警", null, Internal),
        };
        return new ActCodeView(c.ActCode, audience, units.GetValueOrDefault(c.UnitId, ""), EnforcementNames.Kind(c.Kind),
            c.Stage is { } stage ? EnforcementNames.Milestone(stage) : "已登记", fields);
    }

    private static ActField Field(string key, string label, string? value, string? hiddenReason) =>
        hiddenReason is null ? new ActField(key, label, string.IsNullOrEmpty(value) ? "—" : value) : new ActField(key, label, null, hiddenReason);

    /// <summary>The QR image of the code's public page (the shared QR helper).</summary>
    public static byte[] QrPng(string baseUrl, string code) => InspectionCodes.QrPng(PageUrl(baseUrl, code));

    public static string PageUrl(string baseUrl, string code) => $"{baseUrl}/Public/Acts/{code}";
}

/// <summary>The party's PIN for the act code (查询密码), given to the party with the decision documents.</summary>
internal sealed record PartyPinInput
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class PartyPinInputValidator : AbstractValidator<PartyPinInput>;

/// <summary>The PIN shown once: only its hash is kept.</summary>
internal sealed record IssuedPin(long CaseId, string ActCode, string Pin);

/// <summary>Issues (or replaces) the party's PIN: a new random PIN, stored hashed; the old one stops working.</summary>
internal sealed class IssuePartyPin(CaseWork work, IValidator<PartyPinInput> validator) : UseCase<PartyPinInput, IssuedPin>(validator)
{
    protected override async Task<Outcome<IssuedPin>> HandleAsync(PartyPinInput input, CancellationToken ct)
    {
        var c = await work.Db.EnforcementCases.FirstOrDefaultAsync(x => x.Id == input.Id, ct);
        if (c is null)
        {
            return Outcome<IssuedPin>.Missing();
        }
        var pin = ComplaintCodes.NewPin();
        c.PartyPinHash = ComplaintCodes.HashPin(pin);
        await work.Db.SaveChangesAsync(ct);
        return new IssuedPin(c.Id, c.ActCode, pin);
    }
}

/// <summary>The party's PIN, typed on the act code's page or sent to the API.</summary>
internal sealed record ActPinInput(string? Pin)
{
    public const int PinLength = 40;
    [JsonIgnore] public string Code { get; init; } = "";
}

internal sealed class ActPinInputValidator : AbstractValidator<ActPinInput>
{
    public ActPinInputValidator() => RuleFor(x => x.Pin).RequiredText("查询密码", ActPinInput.PinLength);
}

/// <summary>The party's view by its PIN; a wrong PIN and an unknown code are the same answer (not found).</summary>
internal sealed class ViewAsParty(ActCodeLookup acts, IValidator<ActPinInput> validator) : UseCase<ActPinInput, ActCodeView>(validator)
{
    protected override async Task<Outcome<ActCodeView>> HandleAsync(ActPinInput input, CancellationToken ct) =>
        await acts.ViewAsync(input.Code, input.Pin!.Trim(), ct) is { } view ? view : Outcome<ActCodeView>.Missing();
}

internal static class ActCodeEndpoints
{
    public static void MapPartyPin(this RouteGroupBuilder cases) =>
        cases.MapPost("/{id:long}/party-pin", (long id, IssuePartyPin issue, CancellationToken ct) =>
                issue.RunAsync(new PartyPinInput { Id = id }, ct).ToHttpAsync(p => TypedResults.Ok(p), "案件"))
            .RequireAuthorization(EnforcementPolicies.Record).WithSummary("生成当事人查询密码（行政行为码当事人视图；只显示一次，旧密码失效）");

    public static void MapActCodes(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/acts").WithTags("行政行为码").AllowAnonymous();
        g.MapGet("/{code}", async Task<Results<Ok<ActCodeView>, ProblemHttpResult>> (string code, ActCodeLookup acts, CancellationToken ct) =>
                await acts.ViewAsync(code, null, ct) is { } v ? TypedResults.Ok(v) : ApiErrors.NotFound("行政行为码"))
            .WithSummary("扫行政行为码：公众可见公示允许的信息；企业账号为当事人时显示当事人视图（免登录）");
        g.MapPost("/{code}/party", (string code, ActPinInput? input, ViewAsParty party, CancellationToken ct) =>
                party.RunAsync(input is null ? null : input with { Code = code }, ct).ToHttpAsync(v => TypedResults.Ok(v), "行政行为码"))
            .RequireRateLimiting(PublicRateLimits.LookupPolicy)
            .WithSummary("当事人凭查询密码查看本案（密码错误与行为码不存在一样答 404）");
        g.MapGet("/{code}/qr.png", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string code, ActCodeLookup acts, IConfiguration config, HttpContext http, CancellationToken ct) =>
                await acts.FindAsync(code, ct) is { } c
                    ? TypedResults.File(ActCodeLookup.QrPng(InspectionCodes.BaseUrl(config, http), c.ActCode), "image/png", $"行政行为码-{c.ActCode}.png")
                    : ApiErrors.NotFound("行政行为码"))
            .WithSummary("行政行为码二维码（PNG），打印在决定文书页脚");
    }
}
