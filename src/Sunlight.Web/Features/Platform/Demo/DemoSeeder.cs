using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Demo;

/// <summary>A feature's contribution to the demo county; steps run in <see cref="Order"/> after the registry is seeded.</summary>
internal interface IDemoSeedStep
{
    int Order { get; }
    Task SeedAsync(SunlightDbContext db, DemoContext demo, CancellationToken ct);
}

/// <summary>What seed steps share: the region, the deterministic random source, the clock and the seeded rows.</summary>
internal sealed class DemoContext(Random random, TimeProvider clock)
{
    public Random Random { get; } = random;
    public TimeProvider Clock { get; } = clock;
    public string RegionCode => DemoCounty.RegionCode;
    public DateOnly Today => ChinaTime.Today(Clock);
}

internal sealed record StartupAccounts(string AdminUserName, string? Password, bool PasswordGenerated, bool DemoLoaded, IReadOnlyList<string> DemoUsers);

/// <summary>
/// First start: the calendar, the admin account and (unless --no-demo) the demo county. Idempotent: an existing
/// database is left as it is.
/// </summary>
internal sealed class DemoSeeder(SunlightDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    IConfiguration config, TimeProvider clock, IEnumerable<IDemoSeedStep> steps, WorkingCalendar calendar)
{
    public async Task<StartupAccounts> EnsureAsync(bool demo, CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        if (!await db.CalendarDays.AnyAsync(ct))
        {
            db.CalendarDays.AddRange(CalendarSeed.Days());
            await db.SaveChangesAsync(ct);
            calendar.Invalidate();
        }

        if (await users.FindByNameAsync("admin") is not null)
        {
            return new StartupAccounts("admin", null, false, await db.Units.AnyAsync(u => u.Kind == UnitKind.Enforcement, ct), []);
        }

        var configured = config["Sunlight:AdminPassword"];
        var password = string.IsNullOrWhiteSpace(configured) ? GeneratePassword() : configured;
        var hasher = users.PasswordHasher;
        var created = new List<string>();
        string? sharedHash = null;
        var demoMail = false;

        async Task CreateUser(string userName, string displayName, string role, long? unitId = null, string? uscc = null, string? region = DemoCounty.RegionCode)
        {
            var user = new AppUser { UserName = userName, DisplayName = displayName, RegionCode = region, UnitId = unitId, Uscc = uscc, LockoutEnabled = true };
            if (demoMail)
            {
                // Demo mail goes to .eml files in the data folder unless SMTP is configured.
                user.Email = $"{userName}@qinghe.example.gov.cn";
                user.EmailConfirmed = true;
            }
            // One hash for every demo account: they share the password, and hashing 28 times would slow the first start.
            user.PasswordHash = sharedHash ??= hasher.HashPassword(user, password);
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
            }
            await users.AddToRoleAsync(user, role);
            created.Add(userName);
        }
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var check = await new PasswordValidator<AppUser>(new ChineseIdentityErrors()).ValidateAsync(users, new AppUser(), password);
            if (!check.Succeeded)
            {
                throw new InvalidOperationException("Sunlight:AdminPassword 不符合密码策略：" + string.Join("；", check.Errors.Select(e => e.Description)));
            }
        }

        await CreateUser("admin", "系统管理员", Roles.Admin);
        if (!demo)
        {
            return new StartupAccounts("admin", password, string.IsNullOrWhiteSpace(configured), false, created);
        }

        demoMail = true;
        var context = new DemoContext(new Random(20220601), clock);
        var (units, enterprises) = await SeedRegistryAsync(context, ct);
        await CreateUser("supervisor", "县司法局 执法监督科", Roles.Supervisor);
        await CreateUser("inspector", "督查组 特邀监督员", Roles.Inspector);
        await CreateUser("observer", "县纪委监委 联络员", Roles.Observer);
        await CreateUser("enterprise", enterprises[0].Name, Roles.Enterprise, uscc: enterprises[0].Uscc);
        for (var i = 0; i < units.Count; i++)
        {
            await CreateUser($"unit{i + 1:00}", units[i].Name + " 法制员", Roles.UnitStaff, unitId: units[i].Id);
        }

        foreach (var step in steps.OrderBy(s => s.Order))
        {
            await step.SeedAsync(db, context, ct);
        }
        return new StartupAccounts("admin", password, string.IsNullOrWhiteSpace(configured), true, created);
    }

    private async Task<(List<EnforcementUnit> Units, List<Enterprise> Enterprises)> SeedRegistryAsync(DemoContext demo, CancellationToken ct)
    {
        var r = demo.Random;
        var today = demo.Today;
        db.Units.Add(new EnforcementUnit { RegionCode = demo.RegionCode, Code = "SF", Name = DemoCounty.Name + "司法局", Kind = UnitKind.Supervisor, Head = "夏兆堂", Phone = "0599-12345678" });

        var units = new List<EnforcementUnit>();
        var credentialSeq = 1;
        foreach (var (code, name, law, powers, inspections) in DemoCounty.Units)
        {
            var unit = new EnforcementUnit
            {
                RegionCode = demo.RegionCode, Code = code, Name = DemoCounty.Name + name, Kind = UnitKind.Enforcement,
                Uscc = MakeUscc(r, "11"), Address = $"{DemoCounty.Name}城关镇政务大道 {r.Next(1, 200)} 号",
                Phone = $"0599-{r.Next(2000000, 9999999)}", Head = Person(r),
            };
            units.Add(unit);
            db.Units.Add(unit);

            var officerCount = r.Next(6, 11);
            for (var i = 0; i < officerCount; i++)
            {
                var auxiliary = i >= officerCount - 2 && r.NextDouble() < 0.6;
                var officer = new Officer { RegionCode = demo.RegionCode, Unit = unit, Name = Person(r), Position = auxiliary ? "协管员" : (i == 0 ? "执法大队长" : "执法队员"), IsAuxiliary = auxiliary };
                if (!auxiliary)
                {
                    // About one credential in eight has expired: the P-OFFICERS rule must have something to find.
                    var expired = r.NextDouble() < 0.125;
                    var validTo = expired ? today.AddDays(-r.Next(10, 400)) : today.AddDays(r.Next(60, 1500));
                    officer.Credentials.Add(new Credential
                    {
                        Number = $"{demo.RegionCode}{code[1..]}{credentialSeq++:00000}",
                        Category = name.Replace("局", "", StringComparison.Ordinal).Replace("分", "", StringComparison.Ordinal).Replace("大队", "", StringComparison.Ordinal) + "执法",
                        ValidFrom = validTo.AddYears(-5), ValidTo = validTo,
                    });
                }
                db.Officers.Add(officer);
            }

            for (var i = 0; i < powers.Length; i++)
            {
                db.EnforcementItems.Add(new EnforcementItem
                {
                    RegionCode = demo.RegionCode, Unit = unit, Code = $"{code}-CF-{i + 1:000}", Name = powers[i],
                    Kind = powers[i].StartsWith("查封", StringComparison.Ordinal) || powers[i].StartsWith("暂扣", StringComparison.Ordinal) || powers[i].StartsWith("强制", StringComparison.Ordinal) || powers[i].StartsWith("临时查封", StringComparison.Ordinal)
                        ? EnforcementKind.Coercion : EnforcementKind.Penalty,
                    LegalBasis = $"{law}第 {r.Next(20, 130)} 条",
                });
            }
            for (var i = 0; i < inspections.Length; i++)
            {
                db.InspectionItems.Add(new InspectionItem
                {
                    RegionCode = demo.RegionCode, Unit = unit, Code = $"{code}-JC-{i + 1:000}", Name = inspections[i],
                    LegalBasis = $"{law}第 {r.Next(20, 130)} 条", Method = r.NextDouble() < 0.5 ? "现场检查" : "书面检查",
                });
            }
        }

        var enterprises = new List<Enterprise>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (enterprises.Count < 320)
        {
            var industry = DemoCounty.Industries[r.Next(DemoCounty.Industries.Length)];
            var words = DemoCounty.IndustryWords[industry];
            var name = $"{DemoCounty.Name}{DemoCounty.Brands[r.Next(DemoCounty.Brands.Length)]}{words[r.Next(words.Length)]}有限公司";
            if (!names.Add(name))
            {
                name = name.Replace("有限公司", $"{DemoCounty.Towns[r.Next(DemoCounty.Towns.Length)][..2]}分公司", StringComparison.Ordinal);
                if (!names.Add(name))
                {
                    continue;
                }
            }
            var e = new Enterprise
            {
                RegionCode = demo.RegionCode, Uscc = MakeUscc(r, "91"), Name = name, Industry = industry,
                Address = $"{DemoCounty.Name}{DemoCounty.Towns[r.Next(DemoCounty.Towns.Length)]}{r.Next(1, 300)} 号",
                LegalRepresentative = Person(r), Phone = $"13{r.Next(100000000, 999999999)}",
            };
            enterprises.Add(e);
            db.Enterprises.Add(e);
        }
        await db.SaveChangesAsync(ct);
        return (units, enterprises);
    }

    internal static string Person(Random r) => DemoCounty.Surnames[r.Next(DemoCounty.Surnames.Length)] + DemoCounty.GivenNames[r.Next(DemoCounty.GivenNames.Length)];

    /// <summary>A USCC that passes GB 32100: authority+type, region, a 9-character organisation code, check character.</summary>
    internal static string MakeUscc(Random r, string prefix, string region = DemoCounty.RegionCode)
    {
        Span<char> body = stackalloc char[17];
        prefix.AsSpan().CopyTo(body);
        region.AsSpan().CopyTo(body[2..]);
        for (var i = 8; i < 17; i++)
        {
            body[i] = Uscc.Alphabet[r.Next(i < 16 ? Uscc.Alphabet.Length : 10)];
        }
        return new string(body) + Uscc.CheckCharacter(body);
    }

    private static string GeneratePassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz";
        const string digits = "23456789";
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i % 4 == 3 ? digits[RandomNumberGenerator.GetInt32(digits.Length)] : letters[RandomNumberGenerator.GetInt32(letters.Length)];
        }
        return "Sun-" + new string(chars);
    }
}
