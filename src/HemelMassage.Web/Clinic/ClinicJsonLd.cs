using System.Text.Json;

namespace HemelMassage.Web.Clinic;

/// <summary>Schema.org data about the clinic, for search engines.</summary>
public static class ClinicJsonLd
{
    // The default encoder escapes '<', so the JSON cannot close its <script> element.
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = false };

    public static Dictionary<string, object> BusinessNode(ClinicOptions clinic) => new()
    {
        ["@type"] = "HealthAndBeautyBusiness",
        ["@id"] = clinic.AbsoluteUrl("/#clinic"),
        ["name"] = clinic.Name,
        ["url"] = clinic.BaseUri.ToString(),
        ["telephone"] = clinic.Phone,
        ["email"] = clinic.Email,
        ["address"] = new Dictionary<string, object>
        {
            ["@type"] = "PostalAddress",
            ["streetAddress"] = clinic.StreetAddress,
            ["addressLocality"] = clinic.Locality,
            ["addressRegion"] = clinic.Region,
            ["postalCode"] = clinic.PostalCode,
            ["addressCountry"] = clinic.Country,
        },
        ["openingHours"] = clinic.OpeningHours.Select(h => $"{h.Days} {h.Hours}").ToArray(),
    };

    public static string Business(ClinicOptions clinic)
    {
        var node = BusinessNode(clinic);
        node["@context"] = "https://schema.org";
        return Serialize(node);
    }

    public static string Serialize(object value) => JsonSerializer.Serialize(value, s_json);
}
