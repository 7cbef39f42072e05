namespace HemelMassage.Web.Data;

/// <summary>
/// Text typed into a search box as a LIKE pattern that matches it literally, escaped with a backslash
/// (pass "\\" as LIKE's escape). SQLite's LIKE ignores ASCII case; PostgreSQL's does not, so searches there say ILIKE.
/// </summary>
public static class LikePattern
{
    public static string Literal(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>Anywhere in the column.</summary>
    public static string Containing(string text) => "%" + Literal(text) + "%";
}
