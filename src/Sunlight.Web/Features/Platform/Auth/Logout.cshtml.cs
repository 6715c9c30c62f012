using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Auth;

internal sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Platform/Auth/Login");
    }
}
