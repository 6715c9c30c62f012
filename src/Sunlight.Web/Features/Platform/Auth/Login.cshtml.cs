using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Auth;

/// <summary>登录 in the browser: the same check as the token endpoint; a refused sign-in is shown in the form's summary.</summary>
[EnableRateLimiting("login")]
internal sealed class LoginModel(PasswordCheck check, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty, DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var r = await check.RunAsync(new LoginRequest(UserName ?? "", Password ?? ""), ct);
        if (r.Value is not { } user)
        {
            if (r.Errors is { } errors)
            {
                ModelState.AddErrors(errors, prefix: "");
            }
            else
            {
                ModelState.AddModelError(string.Empty, r.Detail ?? "登录失败。");
            }
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
