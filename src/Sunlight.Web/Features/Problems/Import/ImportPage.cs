using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Infrastructure.Import;
using Sunlight.Web.Features.Shared;

namespace Sunlight.Web.Features.Problems.Import;

/// <summary>导入问题清单: the foundation's import page (upload → row report → 仅导入有效行) over <see cref="ImportProblems"/>.</summary>
[Authorize(Policy = ProblemPolicies.Verify)]
internal sealed class ImportModel : ImportPage
{
    private readonly ImportProblems _import;

    public ImportModel(ImportProblems import, PendingImports pending) : base(pending) => _import = import;

    public override string What => "问题清单";
    public override string Help => "前三列必填；问题来源可填 自查、督查、投诉举报、案卷评查、预警、走访企业（不填为“批量导入”）；严重程度可填 轻微、一般、严重（默认一般）；发现日期不填为今天。每个问题登记后通知其责任单位。";
    public override string ListPath => "/Problems";
    public override IReadOnlyList<string> Columns => ImportProblems.Columns;
    private protected override IReadOnlyList<string> RequiredColumns => ImportProblems.Required;
    private protected override RunImport Run => _import.RunAsync;
    private protected override byte[] Template() => ImportProblems.Template();
}
