using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Leniency.Lists;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.AddItem;

/// <summary>添加清单事项: item, its conditions (one per line), legal basis, form/method, note.</summary>
internal sealed record AddItemInput(string? Name, IReadOnlyList<string>? Conditions, string? LegalBasis, string? Form = null, string? Note = null, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class AddItemInputValidator : AbstractValidator<AddItemInput>
{
    public const int MaxConditions = 20;

    public AddItemInputValidator()
    {
        RuleFor(x => x.Name).RequiredText("事项名称", LeniencyColumns.NameLength);
        RuleFor(x => x.LegalBasis).RequiredText("法律依据", LeniencyColumns.LegalBasisLength);
        RuleFor(x => x.Form).OptionalText("方式", LeniencyColumns.FormLength);
        RuleFor(x => x.Note).OptionalText("备注", LeniencyColumns.NoteLength);
        RuleFor(x => x.Conditions).Must(c => c is null || c.Count <= MaxConditions).WithMessage($"适用条件最多 {MaxConditions} 条");
        RuleForEach(x => x.Conditions).RequiredText("适用条件", LeniencyColumns.ConditionLength);
    }
}

/// <summary>Adds an item to a draft list version; the items of an exemption list need at least one condition.</summary>
internal sealed class AddListItem(SunlightDbContext db, IValidator<AddItemInput> validator) : UseCase<AddItemInput, LeniencyList>(validator)
{
    public const string StateRule = "L-STATE";
    public const string ConditionsRule = "L-CONDITIONS";
    public const string DuplicateRule = "L-DUPLICATE";

    protected override async Task<Outcome<LeniencyList>> HandleAsync(AddItemInput input, CancellationToken ct)
    {
        var list = await db.Set<LeniencyList>().Include(l => l.Items).FindForEditAsync(input.Id, input.Version, db, ct);
        if (list is null)
        {
            return Outcome<LeniencyList>.Missing();
        }
        if (list.State != ListState.Draft)
        {
            return Outcome<LeniencyList>.Refused(StateRule, "只能在草稿版本上编辑事项，请先新建清单版本。");
        }
        if (list.Items.Any(i => i.Name == input.Name!.Trim()))
        {
            return Outcome<LeniencyList>.Refused(DuplicateRule, $"清单中已有事项“{input.Name!.Trim()}”。");
        }
        var conditions = Lines(input.Conditions);
        if (conditions.Count == 0 && LeniencyNames.IsExemption(list.Kind))
        {
            return Outcome<LeniencyList>.Refused(ConditionsRule, $"{LeniencyNames.Of(list.Kind)}事项须列明适用条件（每条一行）。");
        }
        list.Items.Add(NewItem(list, input.Name!, conditions, input.LegalBasis!, input.Form, input.Note));
        db.Entry(list).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return list;
    }

    internal static List<string> Lines(IEnumerable<string>? conditions) =>
        conditions?.Select(c => c.Trim()).Where(c => c.Length > 0).ToList() ?? [];

    internal static ListItem NewItem(LeniencyList list, string name, IReadOnlyList<string> conditions, string basis, string? form, string? note) => new()
    {
        RegionCode = list.RegionCode, UnitId = list.UnitId, Order = list.Items.Count == 0 ? 1 : list.Items.Max(i => i.Order) + 1,
        Name = name.Trim(), LegalBasis = basis.Trim(), Form = string.IsNullOrWhiteSpace(form) ? null : form.Trim(), Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        Conditions = conditions.Select((c, i) => new ListCondition { Order = i + 1, Text = c }).ToList(),
    };
}

internal static class AddItemEndpoint
{
    public static void MapAddItem(this RouteGroupBuilder g) =>
        g.MapPost("/lists/{id:long}/items", (long id, AddItemInput? input, AddListItem step, SunlightDbContext db, CancellationToken ct) =>
                step.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async l => TypedResults.Ok((await ListQueries.DetailAsync(db, l.Id, ct))!), "清单"))
            .RequireAuthorization(LeniencyPolicies.Manage).WithSummary("在草稿版本中添加事项（适用条件每条一行）");
}
