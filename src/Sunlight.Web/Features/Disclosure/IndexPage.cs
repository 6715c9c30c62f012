using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sunlight.Web.Features.Disclosure;

/// <summary><c>/Disclosure</c>: the portal's index, reached from the public front door ("执法公示").</summary>
[AllowAnonymous]
internal sealed class IndexModel : PageModel
{
    public static readonly IReadOnlyList<(string Href, string Title, string Note)> Sections =
    [
        ("/Disclosure/Units", "执法主体", "执法单位及其职责"),
        ("/Disclosure/Officers", "执法人员", "姓名、执法证号、执法类别"),
        ("/Disclosure/EnforcementItems", "执法事项", "权责清单：职责及法律依据"),
        ("/Disclosure/InspectionItems", "检查事项", "涉企行政检查事项清单"),
        ("/Disclosure/FlexibleLists", "柔性执法清单", "不予处罚、从轻减轻、免予强制等清单（已批准公示）"),
        ("/Disclosure/Decisions", "执法决定", "行政处罚、行政许可等决定公示及撤回"),
        ("/Disclosure/Draws", "双随机抽查", "随机抽取结果及检查结果"),
        ("/Disclosure/IntakePoints", "投诉征集点", "扫描二维码投诉举报"),
        ("/Disclosure/Statistics", "年度执法统计", "行政执法统计年报"),
    ];

    public void OnGet()
    {
    }
}
