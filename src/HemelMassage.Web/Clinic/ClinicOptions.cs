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
    [MinLength(1, ErrorMessage = "Clinic:OpeningHours needs at least one line, for example Days \"Monday to Friday\" and Hours \"9:00 to 20:00\".")]
    public List<OpeningHoursLine> OpeningHours { get; set; } = [];

    public Uri BaseUri => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/");

    public string AbsoluteUrl(string path) => new Uri(BaseUri, path.TrimStart('/')).ToString();

    public string PhoneHref => "tel:" + new string(Phone.Where(c => char.IsDigit(c) || c == '+').ToArray());
}

public sealed class OpeningHoursLine
{
    public string Days { get; set; } = "";
    public string Hours { get; set; } = "";
}
