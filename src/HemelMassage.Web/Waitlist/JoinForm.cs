using System.Globalization;
using FluentValidation;
using HemelMassage.Web.Book;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Site;

namespace HemelMassage.Web.Waitlist;

/// <summary>Joining the waitlist. Text fields bind as typed so a bad value gets the site's message, never a binder's.</summary>
public sealed class JoinForm
{
    public string? Treatment { get; set; }
    /// <summary>A therapist's id, or "any".</summary>
    public string? Therapist { get; set; }
    /// <summary>yyyy-MM-dd, clinic-local.</summary>
    public string? From { get; set; }
    public string? To { get; set; }
    /// <summary>"Mornings", "Afternoons", "Evenings"; none ticked: any time.</summary>
    public List<string>? Times { get; set; }
    /// <summary>"Monday" … "Sunday"; none ticked: any day.</summary>
    public List<string>? Days { get; set; }
    public string? Name { get; set => field = PersonName.Normalise(value); }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>The honeypot, as on the booking details.</summary>
    public string? Website { get; set; }

    public static bool TryDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public DayParts Parts => (Times ?? []).Aggregate(DayParts.None, (all, t) => Enum.TryParse<DayParts>(t, out var p) && p != DayParts.None ? all | p : all);

    public int Weekdays => (Days ?? []).Aggregate(0, (all, d) => Enum.TryParse<DayOfWeek>(d, out var day) ? all | WaitlistEntry.WeekdayBit(day) : all);
}

/// <summary>The field rules; the window and the treatment are checked against the schedule by <see cref="WaitlistJoining"/>.</summary>
public sealed class JoinFormValidator : AbstractValidator<JoinForm>
{
    public JoinFormValidator()
    {
        RuleFor(f => f.Therapist).Must(t => TherapistChoice.TryParse(t, out _)).WithMessage("Please choose a therapist, or no preference.");
        RuleFor(f => f.From).Must(v => JoinForm.TryDate(v, out _)).WithMessage("Please enter the first day you could come, like 2026-12-01.");
        RuleFor(f => f.To).Must(v => JoinForm.TryDate(v, out _)).WithMessage("Please enter the last day you could come, like 2026-12-14.");
        RuleFor(f => f.To).Must((f, to) => !JoinForm.TryDate(f.From, out var from) || !JoinForm.TryDate(to, out var last) || from <= last)
            .WithMessage("Please choose a last day on or after the first day.");
        RuleForEach(f => f.Times).Must(t => Enum.TryParse<DayParts>(t, out var p) && p != DayParts.None && Enum.IsDefined(p))
            .WithMessage("Please choose mornings, afternoons or evenings.").OverridePropertyName("Times");
        RuleForEach(f => f.Days).Must(d => Enum.TryParse<DayOfWeek>(d, out var day) && Enum.IsDefined(day) && !int.TryParse(d, out _))
            .WithMessage("Please choose days of the week from the list.").OverridePropertyName("Days");
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Please enter your name.")
            .MaximumLength(100).WithMessage("Please keep your name to 100 characters.");
        RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Please enter your email address: that is where we offer you a time.")
            .ClientMailbox();
        RuleFor(f => f.Phone).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Please enter a phone number, in case we need to reach you.")
            .MaximumLength(20).WithMessage("Please enter your phone number in 20 characters or fewer, spaces included.")
            .Must(p => DetailsFormValidator.IsPhone(p!)).WithMessage(DetailsFormValidator.PhoneMessage);
    }
}
