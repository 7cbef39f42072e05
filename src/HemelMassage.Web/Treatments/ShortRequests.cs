namespace HemelMassage.Web.Treatments;

/// <summary>
/// Words that ask for part of the body or part of the hour ("back-massage", "30-minute", "neck and shoulders"):
/// every treatment is a full hour for the whole body, so these get the kind explanation, not a dead end.
/// </summary>
public static class ShortRequests
{
    private static readonly string[] Words = ["back", "neck", "shoulder", "30", "half", "short", "minute", "quick", "express", "head", "foot"];

    public static bool Asks(string? words) =>
        words is { Length: > 0 } && Words.Any(w => words.Contains(w, StringComparison.OrdinalIgnoreCase));
}
