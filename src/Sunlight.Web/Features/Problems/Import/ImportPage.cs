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
    public override string ListPath => "/Problems";
    public override IReadOnlyList<string> Columns => ImportProblems.Columns;
    private protected override IReadOnlyList<string> RequiredColumns => ImportProblems.Required;
    private protected override RunImport Run => _import.RunAsync;
    private protected override byte[] Template() => ImportProblems.Template();
}
