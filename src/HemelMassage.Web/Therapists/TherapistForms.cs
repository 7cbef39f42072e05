using System.Globalization;
using FluentValidation;
using HemelMassage.Web.Site;

namespace HemelMassage.Web.Therapists;

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
