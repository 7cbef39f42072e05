namespace HemelMassage.Web.Staff;

public static class StaffRoles
{
    public const string Owner = "Owner";
    public const string Therapist = "Therapist";
    public const string Reception = "Reception";

    public static IReadOnlyList<string> All { get; } = [Owner, Therapist, Reception];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
