using System.Globalization;
using FluentValidation;
using HemelMassage.Web.Site;

namespace HemelMassage.Web.Schedules;

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

public sealed class TherapistForm
{
    public string Name { get; set => field = PersonName.Normalise(value); } = "";
    public string Bio { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public List<int> TreatmentIds { get; set; } = [];
}

public sealed class HoursForm
{
    public DayOfWeek? Day { get; set; }
    public string Start { get; set; } = "";
    public string End { get; set; } = "";

    public TimeOnly? StartTime => Time(Start);
    public TimeOnly? EndTime => Time(End);

    internal static TimeOnly? Time(string value) =>
        TimeOnly.TryParseExact(value.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}

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

public sealed class TherapistFormValidator : AbstractValidator<TherapistForm>
{
    public TherapistFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter the therapist's name.").MaximumLength(100).WithMessage("Keep the name under 100 characters.");
        RuleFor(f => f.Bio).MaximumLength(1000).WithMessage("Keep the bio under 1,000 characters.");
    }
}

public sealed class HoursFormValidator : AbstractValidator<HoursForm>
{
    public HoursFormValidator()
    {
        RuleFor(f => f.Day).NotNull().WithMessage("Choose a day.");
        RuleFor(f => f.Start).Must((f, _) => f.StartTime is not null).WithMessage("Enter the start, for example 09:00.");
        RuleFor(f => f.End).Must((f, _) => f.EndTime is not null).WithMessage("Enter the end, for example 13:00.")
            .Must((f, _) => f.StartTime is null || f.EndTime is null || f.EndTime > f.StartTime).WithMessage("The end must be after the start.");
    }
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
