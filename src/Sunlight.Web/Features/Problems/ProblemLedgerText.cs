namespace Sunlight.Web.Features.Problems;

/// <summary>Small display helpers the ledger pages share.</summary>
internal static class ProblemLedgerText
{
    public static string Brief(string text, int length = 60) => text.Length <= length ? text : text[..length] + "…";

    public static string StateBadge(ProblemState state) => state switch
    {
        ProblemState.Raised => "text-bg-warning",
        ProblemState.Rectifying => "text-bg-info",
        ProblemState.AwaitingVerification => "text-bg-primary",
        ProblemState.WrittenOff => "text-bg-success",
        ProblemState.Disputed => "text-bg-dark",
        _ => "text-bg-secondary",
    };
}
