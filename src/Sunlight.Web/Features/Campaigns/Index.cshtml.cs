using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Campaigns;

/// <summary>专项治理 list: newest first, keyset <c>after</c>.</summary>
[Authorize(Policy = CampaignPolicies.Read)]
internal sealed class IndexModel(CampaignScope scope, IAuthorizationService authorization) : PageModel
{
    public Page<CampaignRow> List { get; private set; } = new([], null);
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(long? after, CancellationToken ct)
    {
        CanManage = (await authorization.AuthorizeAsync(User, CampaignPolicies.Manage)).Succeeded;
        List = (await scope.Campaigns().KeysetAsync(c => c.Id, true, after, null,
            c => new CampaignRow(c.Id, c.Name, c.State, "", c.StartsOn, c.EndsOn), r => r.Id, ct)).Map(r => r with { StateText = CampaignNames.State(r.State) });
    }
}
