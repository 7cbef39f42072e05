namespace HemelMassage.Web.Treatments;

/// <summary>
/// A kind of massage the clinic offers. It has no duration: every treatment lasts
/// <see cref="Bookings.TreatmentLength.Duration"/>, a rule of the domain, not a column.
/// </summary>
public sealed class Treatment
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    /// <summary>Who it suits, in a sentence.</summary>
    public required string Suits { get; set; }
    public required string Description { get; set; }
    public int PricePence { get; set; }
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
}
