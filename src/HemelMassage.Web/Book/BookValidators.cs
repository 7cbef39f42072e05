using System.Text.RegularExpressions;
using FluentValidation;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Site;

namespace HemelMassage.Web.Book;

public sealed partial class SlotFormValidator : AbstractValidator<SlotForm>
{
    public SlotFormValidator()
    {
        RuleFor(f => f.Treatment).NotEmpty().WithMessage("Please choose a treatment.")
            .MaximumLength(80).WithMessage("Please choose a treatment from the list.");
        RuleFor(f => f.Therapist).Must(t => TherapistChoice.TryParse(t, out _))
            .WithMessage("Please choose a therapist, or no preference.");
        RuleFor(f => f.Start).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Please choose a time.")
            .Must(s => SlotValue.TryParse(s, out _)).WithMessage("Please choose one of the times shown.");
        RuleFor(f => f.Pending).Must(Secrets.LooksLikeToken).When(f => f.Pending is not null)
            .WithMessage("Please start your booking again.");
    }
}

public sealed partial class DetailsFormValidator : AbstractValidator<DetailsForm>
{
    public DetailsFormValidator()
    {
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Please enter your name.")
            .MaximumLength(100).WithMessage("Please keep your name to 100 characters.");
        RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Please enter your email address, so we can send your confirmation.")
            .ClientMailbox();
        RuleFor(f => f.Phone).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Please enter a phone number, in case we need to reach you about your booking.")
            .MaximumLength(20).WithMessage("Please enter your phone number in 20 characters or fewer, spaces included.")
            .Must(p => IsPhone(p!)).WithMessage(PhoneMessage);
        RuleFor(f => f.Visit).Must(v => v is "first" or "returning")
            .WithMessage("Please tell us whether this is your first visit.");
        RuleFor(f => f.Note).Cascade(CascadeMode.Stop)
            .MaximumLength(1000).WithMessage("Please keep your note to 1,000 characters; you can tell your therapist more when you arrive.")
            .Must(n => n is null || n.All(c => !char.IsControl(c) || c is '\n' or '\r' or '\t'))
            .WithMessage("Your note has characters we can't use; please type it again.");
        RuleFor(f => f.AcceptPolicy).Equal(true).WithMessage("Please confirm you accept the cancellation policy.");
        Include(new Intake.IntakeFormValidator());
    }

    public const string PhoneMessage = "Please enter a phone number like 07700 900123, or from abroad with + and your country code, like +33 6 12 34 56 78.";

    /// <summary>Spaces, dashes, dots and brackets as people type them.</summary>
    public static string NormalisePhone(string phone) =>
        new([.. phone.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '(' and not ')' and not '.')]);

    /// <summary>
    /// A UK number in its national form (07700 900123) or any number in international form: E.164
    /// (+44 7700 900123, +33 6 12 34 56 78), "00" for "+", and the UK habit "+44 (0)1442 ...".
    /// </summary>
    public static bool IsPhone(string phone)
    {
        var digits = NormalisePhone(phone);
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = "+" + digits[2..];
        }
        if (digits.StartsWith("+440", StringComparison.Ordinal))
        {
            digits = "+44" + digits[4..];
        }
        if (digits.StartsWith("+44", StringComparison.Ordinal) || !digits.StartsWith('+'))
        {
            return UkPhone().IsMatch(digits);
        }
        return International().IsMatch(digits);
    }

    [GeneratedRegex(@"^(\+44|0)[1-9]\d{8,9}$")]
    private static partial Regex UkPhone();

    // E.164: a country code (never starting with 0) and at most 15 digits in all; 8 is the shortest in use.
    [GeneratedRegex(@"^\+[1-9]\d{7,14}$")]
    private static partial Regex International();
}
