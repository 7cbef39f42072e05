using System.Globalization;
using FluentValidation;

namespace HemelMassage.Web.Reports;

/// <summary>
/// Which days a report covers: a month (<c>2026-11</c>), or a range of local days (<c>from</c>/<c>to</c>,
/// both included), which wins when given. Empty: this month.
/// </summary>
public sealed class ReportForm
{
    /// <summary>A report covers at most this many days: a year, a leap one included.</summary>
    public const int MaxDays = 366;

    public string? Month { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }

    public bool IsRange => !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To);

    public DateOnly? MonthStart => Parse(Month, "yyyy-MM");
    public DateOnly? FromDate => Parse(From, "yyyy-MM-dd");
    public DateOnly? ToDate => Parse(To, "yyyy-MM-dd");

    /// <summary>The days asked for; call only once the validator has passed.</summary>
    public ReportPeriod Period(DateOnly today)
    {
        if (IsRange)
        {
            return new ReportPeriod(FromDate!.Value, ToDate!.Value, IsMonth: false);
        }
        var first = MonthStart ?? new DateOnly(today.Year, today.Month, 1);
        return new ReportPeriod(first, first.AddMonths(1).AddDays(-1), IsMonth: true);
    }

    private static DateOnly? Parse(string? value, string format) =>
        DateOnly.TryParseExact(value?.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100 ? d : null;
}

public sealed record ReportPeriod(DateOnly First, DateOnly Last, bool IsMonth)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public int Days => Last.DayNumber - First.DayNumber + 1;

    public string Title => IsMonth
        ? First.ToString("MMMM yyyy", British)
        : $"{First.ToString("d MMMM yyyy", British)} to {Last.ToString("d MMMM yyyy", British)}";
}

public sealed class ReportFormValidator : AbstractValidator<ReportForm>
{
    public ReportFormValidator()
    {
        When(f => f.IsRange, () =>
        {
            RuleFor(f => f.From).Must((f, _) => f.FromDate is not null).WithMessage("Enter the first day as a date, for example 2026-11-01.");
            RuleFor(f => f.To).Must((f, _) => f.ToDate is not null).WithMessage("Enter the last day as a date, for example 2026-11-30.")
                .Must((f, _) => f.FromDate is null || f.ToDate is null || f.ToDate >= f.FromDate)
                .WithMessage("The last day is before the first day: swap them, or pick a later last day.")
                .Must((f, _) => f.FromDate is null || f.ToDate is null || f.ToDate < f.FromDate || f.ToDate.Value.DayNumber - f.FromDate.Value.DayNumber < ReportForm.MaxDays)
                .WithMessage($"A report covers at most {ReportForm.MaxDays} days (a year). Choose a shorter range.");
        }).Otherwise(() =>
        {
            RuleFor(f => f.Month).Must((f, m) => string.IsNullOrWhiteSpace(m) || f.MonthStart is not null)
                .WithMessage("Enter the month as year and month, for example 2026-11.");
        });
    }
}
