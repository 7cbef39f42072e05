using System.Globalization;
using FluentValidation;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Site;

namespace HemelMassage.Web.Diary;

/// <summary>Every booking form carries the version the member of staff saw, so a change made meanwhile is noticed.</summary>
public class VersionedForm
{
    public int? Version { get; set; }
}

/// <summary>The staff's reason stays in the history; only <see cref="Message"/>, when given, goes to the client.</summary>
public sealed class CancelForm : VersionedForm
{
    public string? Reason { get; set; }
    public string? Message { get; set; }
}

/// <summary>A local date and time, typed by staff; each usual rule it breaks must be in <see cref="Acknowledged"/>.</summary>
public class SlotChoiceForm : VersionedForm
{
    public int? TherapistId { get; set; }
    public string Date { get; set; } = "";
    public string Time { get; set; } = "";
    /// <summary>The rules the member of staff knows this time breaks, ticked one by one.</summary>
    public List<BookingRule> Acknowledged { get; set; } = [];

    public DateOnly? ParsedDate => DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public TimeOnly? ParsedTime => TimeOnly.TryParseExact(Time.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}

public sealed class MoveForm : SlotChoiceForm;

public sealed class CancelFormValidator : AbstractValidator<CancelForm>
{
    public CancelFormValidator()
    {
        RuleFor(f => f.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Say why the booking is cancelled (the client does not see this).")
            .MaximumLength(300).WithMessage("Keep the reason under 300 characters.");
        RuleFor(f => f.Message).MaximumLength(500).WithMessage("Keep the message to the client under 500 characters.");
    }
}

public class SlotChoiceFormValidator<T> : AbstractValidator<T> where T : SlotChoiceForm
{
    public SlotChoiceFormValidator()
    {
        RuleFor(f => f.TherapistId).NotNull().WithMessage("Choose a therapist.");
        RuleFor(f => f.Date).Must((f, _) => f.ParsedDate is { Year: >= 2000 and <= 2100 }).WithMessage("Enter the date, for example 2026-12-07.");
        RuleFor(f => f.Time).Must((f, _) => f.ParsedTime is not null).WithMessage("Enter the start time, for example 10:30.");
    }
}

public sealed class MoveFormValidator : SlotChoiceFormValidator<MoveForm>;
