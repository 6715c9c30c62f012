using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Infrastructure.Import;
using Sunlight.Web.Features.Shared;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry.Enterprises;

[Authorize(Policy = RegistryPolicies.EditEnterprises)]
internal sealed class ImportModel : ImportPage
{
    private readonly ImportEnterprises _import;

    public ImportModel(ImportEnterprises import, PendingImports pending) : base(pending) => _import = import;

    public override string What => "企业";
    public override string ListPath => "/Registry/Enterprises";
    public override IReadOnlyList<string> Columns => ImportEnterprises.Columns;
    private protected override IReadOnlyList<string> RequiredColumns => ImportEnterprises.Required;
    private protected override RunImport Run => _import.RunAsync;
    private protected override byte[] Template() => ImportEnterprises.Template();
}
