using System.ComponentModel;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Tests.Campaigns;

/// <summary>The campaign's audit entries read as Chinese: the record by its name, fields and enum values in Chinese.</summary>
public sealed class ReadableCampaignAuditTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task StartEntry_NamesTheCampaignAndItsStateInChinese()
    {
        var c = await CampaignApi.RunningAsync(app, "可读审计专项治理", "U20");
        var entry = await app.Db(db => db.AuditEntries.Where(e => e.EntityType == nameof(Campaign) && e.EntityId == c.Id.ToString() && e.Action == "StateChange")
            .OrderByDescending(e => e.Sequence).FirstAsync());
        using var observer = await PageSession.SignInAsync(app, "observer");
        var detail = await observer.GetHtmlAsync($"/Audit/Detail/{entry.Id}");
        Assert.Contains("专项治理 可读审计专项治理", detail, StringComparison.Ordinal);
        foreach (var text in new[] { "状态", "草稿", "进行中" })
        {
            Assert.Contains(text, detail, StringComparison.Ordinal);
        }
        var readable = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(detail[detail.IndexOf("<main", StringComparison.Ordinal)..], "<[^>]+>", " "));
        foreach (var raw in new[] { "Draft", "Running" })
        {
            Assert.DoesNotContain(raw, readable, StringComparison.Ordinal);
        }

        var created = await app.Db(db => db.AuditEntries.Where(e => e.EntityType == nameof(Campaign) && e.EntityId == c.Id.ToString() && e.Action == "Create").FirstAsync());
        var createdHtml = await observer.GetHtmlAsync($"/Audit/Detail/{created.Id}");
        foreach (var text in new[] { "专项治理名称", "治理范围", "自查期限", "实施方案" })
        {
            Assert.Contains(text, createdHtml, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("SelfInspectionDueOn", createdHtml, StringComparison.Ordinal);
    }

    /// <summary>Every audited campaign entity has a Chinese name, and each of its stored scalar fields one (keys and versions aside); every enum names its values.</summary>
    [Fact]
    public void EveryAuditedCampaignEntity_HasChineseNamesForItselfItsFieldsAndItsEnums()
    {
        var types = typeof(Campaign).Assembly.GetTypes().Where(t => t.Namespace == typeof(Campaign).Namespace && typeof(IAuditable).IsAssignableFrom(t)).ToList();
        Assert.True(types.Count >= 9, string.Join(", ", types.Select(t => t.Name)));
        var missing = new List<string>();
        foreach (var t in types)
        {
            if (t.GetCustomAttribute<DisplayNameAttribute>() is null)
            {
                missing.Add(t.Name);
            }
            foreach (var p in t.GetProperties().Where(p => p.Name is not ("Id" or "Version") && IsScalar(p.PropertyType)))
            {
                if (p.GetCustomAttribute<DisplayNameAttribute>() is null)
                {
                    missing.Add($"{t.Name}.{p.Name}");
                }
                if ((Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) is { IsEnum: true } e && e.GetCustomAttribute<EnumTextAttribute>() is null)
                {
                    missing.Add(e.Name);
                }
            }
        }
        Assert.Empty(missing);
        Assert.Equal("不符合", DisplayNames.Enum(Verdict.NonCompliant));
        Assert.Equal("否决项", DisplayNames.Enum(RubricPart.Veto));
    }

    private static bool IsScalar(Type t)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        return u.IsPrimitive || u.IsEnum || u == typeof(string) || u == typeof(decimal) || u == typeof(DateOnly) || u == typeof(DateTimeOffset);
    }
}
