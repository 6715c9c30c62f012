using Microsoft.AspNetCore.Identity;
using Sunlight.Web.Features.Platform.Audit;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web;

/// <summary>Operator verbs of the same executable: `dotnet run --project src/Sunlight.Web -- verify-audit [--full]`.</summary>
internal static class Cli
{
    public static async Task<int> RunAsync(string verb, IServiceProvider services, bool noDemo, bool full = false, string? file = null, bool force = false)
    {
        switch (verb)
        {
            case "backup":
                return await BackupCommand.BackupAsync(services, file);
            case "restore":
                return await BackupCommand.RestoreAsync(services, file, force);
            case "migrate":
                await DatabaseSetup.MigrateAsync(services);
                Console.WriteLine("数据库迁移已完成。");
                return 0;
            case "seed-demo":
                await DatabaseSetup.MigrateAsync(services);
                using (var scope = services.CreateScope())
                {
                    var accounts = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().EnsureAsync(!noDemo);
                    Console.WriteLine(accounts.Password is null ? "数据库已有数据，未重复导入。" : $"演示数据已导入。admin 密码：{accounts.Password}");
                }
                return 0;
            case "verify-audit":
                await DatabaseSetup.MigrateAsync(services);
                return await VerifyAuditCommand.RunAsync(services, full);
            case "reset-admin-password":
                using (var scope = services.CreateScope())
                {
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                    var admin = await users.FindByNameAsync("admin");
                    var password = Environment.GetEnvironmentVariable("SUNLIGHT_NEW_PASSWORD");
                    if (admin is null || string.IsNullOrEmpty(password))
                    {
                        Console.Error.WriteLine("用法：SUNLIGHT_NEW_PASSWORD=<新密码> sunlight reset-admin-password（admin 账号须已存在）");
                        return 2;
                    }
                    var token = await users.GeneratePasswordResetTokenAsync(admin);
                    var result = await users.ResetPasswordAsync(admin, token, password);
                    await users.SetLockoutEndDateAsync(admin, null);
                    Console.WriteLine(result.Succeeded ? "admin 密码已重置。" : string.Join("；", result.Errors.Select(e => e.Description)));
                    return result.Succeeded ? 0 : 1;
                }
            default:
                Console.Error.WriteLine($"未知命令：{verb}。可用命令：migrate、seed-demo、verify-audit、reset-admin-password、backup <文件>、restore <文件> [--force]");
                return 2;
        }
    }
}
