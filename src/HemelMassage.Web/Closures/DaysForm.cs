using System.Globalization;
using FluentValidation;

namespace HemelMassage.Web.Closures;

/// <summary>Whole local days, both included: time off for a therapist, or a clinic closure.</summary>
public sealed class DaysForm
{
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string Reason { get; set; } = "";

    public DateOnly? FromDate => Date(From);
    public DateOnly? ToDate => Date(To);

    private static DateOnly? Date(string value) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100 ? d : null;
}

public sealed class DaysFormValidator : AbstractValidator<DaysForm>
{
    public DaysFormValidator()
    {
        RuleFor(f => f.From).Must((f, _) => f.FromDate is not null).WithMessage("Enter the first day, for example 2026-12-24.");
        RuleFor(f => f.To).Must((f, _) => f.ToDate is not null).WithMessage("Enter the last day, for example 2026-12-26.")
            .Must((f, _) => f.FromDate is null || f.ToDate is null || f.ToDate >= f.FromDate).WithMessage("The last day must be on or after the first.");
        RuleFor(f => f.Reason).MaximumLength(200).WithMessage("Keep the reason under 200 characters.");
    }
}
