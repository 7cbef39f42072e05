using FluentValidation;
using HemelMassage.Web.Diary;
using HemelMassage.Web.Site;

namespace HemelMassage.Web.PhoneBooking;

public sealed class PhoneBookingForm : SlotChoiceForm
{
    public string Name { get; set => field = PersonName.Normalise(value); } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public int? TreatmentId { get; set; }
    public string? Note { get; set; }
    /// <summary>Made when the form is shown: pressing "Book" twice makes one booking.</summary>
    public string Key { get; set; } = "";
}

public sealed class PhoneBookingFormValidator : SlotChoiceFormValidator<PhoneBookingForm>
{
    public PhoneBookingFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter the client's name.").MaximumLength(100).WithMessage("Keep the name under 100 characters.");
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter the client's email address: confirmations go there.")
            .MaximumLength(EmailAddresses.MaxLength).WithMessage("That email address is too long.")
            .PlainMailbox().WithMessage("Enter an email address like name@example.com.");
        RuleFor(f => f.Phone).NotEmpty().WithMessage("Enter the client's phone number.")
            .MaximumLength(20).WithMessage("Keep the phone number under 20 characters.")
            .Matches(@"^[0-9 +()\-]*$").WithMessage("Use only digits, spaces, + and brackets in the phone number.");
        RuleFor(f => f.TreatmentId).NotNull().WithMessage("Choose a treatment.");
        RuleFor(f => f.Note).MaximumLength(1000).WithMessage("Keep the note under 1,000 characters.");
    }
}
