using System.Globalization;
using FluentValidation;
using HemelMassage.Web.Site;

namespace HemelMassage.Web.Treatments;

/// <summary>No duration field on purpose: every treatment is <see cref="Bookings.TreatmentLength.Minutes"/> minutes.</summary>
public sealed class TreatmentForm
{
    public string Name { get; set => field = PersonName.Normalise(value); } = "";
    public string Suits { get; set; } = "";
    public string Description { get; set; } = "";
    public string Price { get; set; } = "";
    public bool IsActive { get; set; } = true;

    public int? Pence => decimal.TryParse(Price.Trim().TrimStart('£'), NumberStyles.Number, CultureInfo.InvariantCulture, out var pounds)
        && pounds is >= 0 and <= 10_000 && decimal.Round(pounds, 2) == pounds ? (int)(pounds * 100) : null;
}

public sealed class TreatmentFormValidator : AbstractValidator<TreatmentForm>
{
    public TreatmentFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter the treatment's name.").MaximumLength(100).WithMessage("Keep the name under 100 characters.");
        RuleFor(f => f.Suits).NotEmpty().WithMessage("Say in a sentence who it suits.").MaximumLength(300).WithMessage("Keep this under 300 characters.");
        RuleFor(f => f.Description).NotEmpty().WithMessage("Enter a description.").MaximumLength(2000).WithMessage("Keep the description under 2,000 characters.");
        RuleFor(f => f.Price).Must((f, _) => f.Pence is not null).WithMessage("Enter the price in pounds, for example 55 or 55.50.");
    }
}
