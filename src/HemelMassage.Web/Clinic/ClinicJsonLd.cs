using System.Text.Json;

namespace HemelMassage.Web.Clinic;

/// <summary>Schema.org data about the clinic, for search engines.</summary>
public static class ClinicJsonLd
{
    // The default encoder escapes '<', so the JSON cannot close its <script> element.
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = false };

    /// <param name="openingHours">schema.org lines ("Mo-Fr 09:00-20:00"), where the page knows them.</param>
    public static Dictionary<string, object> BusinessNode(ClinicOptions clinic, IReadOnlyList<string>? openingHours = null)
    {
        var node = Node(clinic);
        if (openingHours is { Count: > 0 })
        {
            node["openingHours"] = openingHours;
        }
        return node;
    }

    private static Dictionary<string, object> Node(ClinicOptions clinic) => new()
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
    };

    public static string Business(ClinicOptions clinic, IReadOnlyList<string>? openingHours)
    {
        var node = BusinessNode(clinic, openingHours);
        node["@context"] = "https://schema.org";
        return Serialize(node);
    }

    public static string Serialize(object value) => JsonSerializer.Serialize(value, s_json);
}
