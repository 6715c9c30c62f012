using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Infrastructure.Import;
using Sunlight.Web.Features.Shared;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry.Officers;

[Authorize(Policy = RegistryPolicies.Edit)]
internal sealed class ImportModel(ImportOfficers import, PendingImports pending) : ImportPage(pending)
{
    public override string What => "执法人员";
    public override string ListPath => "/Registry/Officers";
    public override IReadOnlyList<string> Columns => ImportOfficers.Columns;
    private protected override IReadOnlyList<string> RequiredColumns => ImportOfficers.Required;
    private protected override RunImport Run => import.RunAsync;
    private protected override byte[] Template() => ImportOfficers.Template();
}
