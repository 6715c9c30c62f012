using System.ComponentModel;
using System.Reflection;

namespace Sunlight.Web.Infrastructure.Audit;

/// <summary>
/// Names an enum's values through the function its feature already uses for them (<c>ComplaintText.State</c> …): put
/// <c>[EnumText(typeof(ComplaintText), nameof(ComplaintText.State))]</c> on the enum, next to it.
/// </summary>
[AttributeUsage(AttributeTargets.Enum)]
internal sealed class EnumTextAttribute(Type holder, string method) : Attribute
{
    public string Name(Enum value) =>
        holder.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [value.GetType()])?.Invoke(null, [value]) as string ?? value.ToString();
}

/// <summary>
/// The property whose value names a row for people (a complaint's 查询码, a problem's 编号, a unit's 名称), put on the
/// entity class: the audit view and the lists that point at a record show it instead of the row id.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class RecordLabelAttribute(string property) : Attribute
{
    public string Property { get; } = property;
}

/// <summary>
/// The Chinese names people read for entities, their fields and enum values, from the attributes kept next to each
/// entity (<see cref="DisplayNameAttribute"/> on the class and its properties, <see cref="EnumTextAttribute"/> on enums).
/// </summary>
internal static class DisplayNames
{
    public static string Entity(Type type) => type.GetCustomAttribute<DisplayNameAttribute>()?.DisplayName ?? "记录";

    /// <summary>The field's name, or null for a field people do not read (no display name: keys, versions).</summary>
    public static string? Field(Type type, string property) =>
        type.GetProperty(property)?.GetCustomAttribute<DisplayNameAttribute>()?.DisplayName;

    public static string Enum(Enum value) => value.GetType().GetCustomAttribute<EnumTextAttribute>()?.Name(value) ?? value.ToString();
}
