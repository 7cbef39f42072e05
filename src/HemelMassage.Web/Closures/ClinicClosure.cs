namespace HemelMassage.Web.Closures;

/// <summary>Whole local days the clinic is shut (bank holidays, refits), both dates included.</summary>
public sealed class ClinicClosure
{
    public int Id { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string Reason { get; set; } = "";
}
