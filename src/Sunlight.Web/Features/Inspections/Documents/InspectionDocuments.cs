using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Documents;

namespace Sunlight.Web.Features.Inspections.Documents;

/// <summary>The three standard documents of one inspection, filled from its data; the inspection code in every footer.</summary>
internal enum InspectionDocumentKind
{
    /// <summary>行政检查审批表</summary>
    Approval,
    /// <summary>检查通知书</summary>
    Notice,
    /// <summary>现场检查笔录</summary>
    Record,
}

/// <summary>The enterprise as the documents name it.</summary>
internal sealed record DocumentParty(string Name, string Uscc, string? Address, string? LegalRepresentative);

/// <summary>Builds 行政检查审批表, 检查通知书 and 现场检查笔录 with <see cref="OfficialDocument"/>.</summary>
internal static class InspectionDocuments
{
    public static string Title(InspectionDocumentKind kind) => kind switch
    {
        InspectionDocumentKind.Approval => "行政检查审批表",
        InspectionDocumentKind.Notice => "检查通知书",
        _ => "现场检查笔录",
    };

    public static byte[] Build(InspectionDocumentKind kind, InspectionDto i, DocumentParty party, DateOnly today)
    {
        var doc = new OfficialDocument().Title(Title(kind));
        var items = string.Join("；", i.Items.Select(x => $"{x.Code} {x.Name}"));
        var basis = string.Join("；", i.Items.Select(x => x.LegalBasis).Distinct());
        var officers = string.Join("、", i.Officers.Select(o => $"{o.Name}（执法证号 {o.CredentialNumber}）"));
        switch (kind)
        {
            case InspectionDocumentKind.Approval:
                doc.Form([
                    ("检查单位", i.UnitName), ("检查对象", party.Name), ("统一社会信用代码", party.Uscc), ("地址", party.Address ?? ""),
                    ("检查类型", i.TypeText + (i.Trigger is null ? "" : $"（起因：{i.Trigger}）")), ("检查方式", i.ModeText),
                    ("检查事由", i.Purpose), ("检查事项", items), ("检查依据", basis), ("拟检查日期", $"{i.VisitDate:yyyy年M月d日}"),
                    ("执法人员", officers),
                    ("审批意见", i.ApprovedBy is null ? "" : $"同意。审批人：{i.ApprovedBy}{(i.ApprovedAfterVisit ? "（紧急情况，检查后补批）" : "")}"),
                ]);
                break;
            case InspectionDocumentKind.Notice:
                doc.Line($"{party.Name}：")
                    .Paragraph($"根据{basis}，本机关定于 {i.VisitDate:yyyy年M月d日} 对你单位开展{i.TypeText}（{i.ModeText}），检查事由：{i.Purpose}。")
                    .Paragraph($"检查事项：{items}。")
                    .Paragraph($"执法人员：{officers}。执法人员将出示执法证件和检查码，你单位可扫描检查码核验检查单位、事由、依据和人员，并对本次检查匿名评价。")
                    .Paragraph("请你单位予以配合，如实提供有关材料。对检查有异议的，可以向本机关或县司法局反映。")
                    .Signature($"{i.UnitName}（盖章）", today);
                break;
            default:
                doc.Form([
                    ("检查时间", $"{i.VisitDate:yyyy年M月d日}    时    分至    时    分"), ("检查地点", party.Address ?? ""),
                    ("被检查单位", party.Name), ("统一社会信用代码", party.Uscc), ("法定代表人（负责人）", party.LegalRepresentative ?? ""),
                    ("检查单位", i.UnitName), ("执法人员", officers), ("检查事项", items), ("检查依据", basis),
                ])
                    .Paragraph($"执法人员已出示执法证件和检查码，告知被检查单位检查事由（{i.Purpose}）、依据及享有陈述、申辩和申请回避的权利。")
                    .Heading("检查情况")
                    .Paragraph(i.Outcome is null ? "" : $"{i.OutcomeText}。{i.ResultNote}")
                    .Line("被检查单位意见：")
                    .Line("被检查单位负责人（签字）：                    执法人员（签字）：");
                break;
        }
        return doc.Footer(i.Code is { } code ? $"检查码：{code}" : "检查码：未审批，尚未赋码").ToBytes();
    }
}

internal static class DocumentEndpoints
{
    public static void MapDocuments(this RouteGroupBuilder inspections) =>
        inspections.MapGet("/{id:long}/documents/{kind}", async Task<IResult> (long id, string kind, InspectionQueries queries, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (!Enum.TryParse<InspectionDocumentKind>(kind, ignoreCase: true, out var k) || !Enum.IsDefined(k) || int.TryParse(kind, out _))
                {
                    return ApiErrors.NotFound("文书");
                }
                if (await queries.DetailAsync(id, ct) is not { } i)
                {
                    return ApiErrors.NotFound("检查");
                }
                var party = await db.Enterprises.AsNoTracking().Where(e => e.Id == i.EnterpriseId)
                    .Select(e => new DocumentParty(e.Name, e.Uscc, e.Address, e.LegalRepresentative)).FirstAsync(ct);
                return TypedResults.File(InspectionDocuments.Build(k, i, party, ChinaTime.Today(clock)), OfficialDocument.ContentType,
                    $"{InspectionDocuments.Title(k)}-{i.Code ?? i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}.docx");
            })
            .RequireAuthorization(InspectionPolicies.Read)
            .WithSummary("生成检查文书（.docx）：approval 行政检查审批表、notice 检查通知书、record 现场检查笔录");
}
