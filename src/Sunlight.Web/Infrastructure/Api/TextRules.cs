using FluentValidation;

namespace Sunlight.Web.Infrastructure.Api;

/// <summary>
/// Text fields are checked one way everywhere: required or optional, never longer than their column (pass the same
/// constant the entity's EF configuration uses), with the field's Chinese label in the message.
/// </summary>
internal static class TextRules
{
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, string label, int max) =>
        rule.MaximumLength(max).WithMessage($"{label}不能超过 {max} 个字");

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, string label, int max) =>
        rule.NotEmpty().WithMessage($"请填写{label}").MaximumLength(max).WithMessage($"{label}不能超过 {max} 个字");
}

/// <summary>Typed text set inside a sentence of ours: its own closing punctuation dropped, so no "不到位。。请在" or "。；".</summary>
internal static class Wording
{
    private static readonly char[] Closing = ['。', '；', ';', '.', '，', ',', '！', '!', ' ', '\n', '\r', '\t'];

    /// <summary>"整改不到位。" → "整改不到位" (null stays null).</summary>
    public static string? Clause(string? text) => text?.Trim().TrimEnd(Closing);
}
