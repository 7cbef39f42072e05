using System.ComponentModel.DataAnnotations;

namespace HemelMassage.Web.Clinic;

/// <summary>The clinic's public details: every page, email and feed reads them from here.</summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    [Required] public string Name { get; set; } = "";
    /// <summary>The site's public address; canonical URLs, feeds and emails are built from it, never from the request.</summary>
    [Required, Url] public string BaseUrl { get; set; } = "";
    [Required] public string StreetAddress { get; set; } = "";
    [Required] public string Locality { get; set; } = "";
    public string Region { get; set; } = "";
    [Required] public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "GB";
    [Required, Phone] public string Phone { get; set; } = "";
    [Required, EmailAddress] public string Email { get; set; } = "";
    public string Directions { get; set; } = "";
    /// <summary>
    /// No longer read: the opening hours are worked out from the therapists' weekly hours, so a page cannot
    /// contradict what can be booked. Bound only so that a configuration still setting it is refused at start-up.
    /// </summary>
    public List<Dictionary<string, string>>? OpeningHours { get; set; }

    public Uri BaseUri => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/");

    public string AbsoluteUrl(string path) => new Uri(BaseUri, path.TrimStart('/')).ToString();

    public string PhoneHref => "tel:" + new string(Phone.Where(c => char.IsDigit(c) || c == '+').ToArray());
}
