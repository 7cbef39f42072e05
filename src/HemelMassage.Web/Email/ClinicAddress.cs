using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Email;

public static class ClinicAddress
{
    public static string OneLine(ClinicOptions clinic) => string.Join(", ", Lines(clinic));

    public static IEnumerable<string> Lines(ClinicOptions clinic) =>
        new[] { clinic.Name, clinic.StreetAddress, clinic.Locality, clinic.Region, clinic.PostalCode }
            .Where(line => !string.IsNullOrWhiteSpace(line));
}
