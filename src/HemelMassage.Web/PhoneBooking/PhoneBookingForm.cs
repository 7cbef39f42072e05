using FluentValidation;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Diary;
using HemelMassage.Web.Site;

namespace HemelMassage.Web.PhoneBooking;

public sealed class PhoneBookingForm : SlotChoiceForm
{
    /// <summary>What the caller said first: a name, email, phone number or booking reference.</summary>
    public string? Search { get; set; }
    /// <summary>The client picked from the search; null for a new client (or one found again by their email).</summary>
    public int? ClientId { get; set; }
    public string Name { get; set => field = PersonName.Normalise(value) ?? ""; } = "";
    /// <summary>Optional (nullable, so the framework does not call it required): with none, the client is sent no emails.</summary>
    public string? Email { get; set; }
    public string Phone { get; set; } = "";
    public int? TreatmentId { get; set; }
    public string? Note { get; set; }
    /// <summary>A start typed by hand, when none of the free hours listed will do; it wins over the list.</summary>
    public string? OtherTime { get; set; }
    /// <summary>Made when the form is shown: pressing "Book" twice makes one booking.</summary>
    public string Key { get; set; } = "";
}

public sealed class PhoneBookingFormValidator : SlotChoiceFormValidator<PhoneBookingForm>
{
    public PhoneBookingFormValidator()
    {
        ContactRules.Name(RuleFor(f => f.Name));
        ContactRules.OptionalEmail(RuleFor(f => f.Email));
        RuleFor(f => f.Phone).NotEmpty().WithMessage("Enter the client's phone number.");
        ContactRules.Phone(RuleFor(f => f.Phone));
        RuleFor(f => f.TreatmentId).NotNull().WithMessage("Choose a treatment.");
        RuleFor(f => f.Note).MaximumLength(1000).WithMessage("Keep the note under 1,000 characters.");
    }
}
