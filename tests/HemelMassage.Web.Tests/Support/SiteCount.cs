namespace HemelMassage.Web.Tests.Support;

/// <summary>
/// With <c>HEMEL_TEST_SITE_LOG</c> set to a file, every site a test starts appends one line to it (its kind and
/// the test class that owns it), so a run can be counted: how many sites, of which kinds. Off by default.
/// </summary>
public static class SiteCount
{
    private static readonly string? s_log = System.Environment.GetEnvironmentVariable("HEMEL_TEST_SITE_LOG");
    private static readonly Lock s_gate = new();

    public static void Started(SiteFactory site)
    {
        if (string.IsNullOrEmpty(s_log))
        {
            return;
        }
        var owner = new System.Diagnostics.StackTrace().GetFrames()
            .Select(f => f.GetMethod()?.DeclaringType)
            .Select(t => t?.DeclaringType is { } outer && t.Name.StartsWith('<') ? outer : t)
            .FirstOrDefault(t => t?.Namespace is { } ns && ns.StartsWith("HemelMassage.Web.", StringComparison.Ordinal)
                && !ns.EndsWith(".Support", StringComparison.Ordinal) && t.Name.EndsWith("Tests", StringComparison.Ordinal));
        lock (s_gate)
        {
            File.AppendAllText(s_log, $"{site.GetType().Name}\t{owner?.Name ?? "(fixture)"}{System.Environment.NewLine}");
        }
    }
}
