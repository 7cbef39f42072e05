using FluentValidation;
using HemelMassage.Web.Bookings;

namespace HemelMassage.Web.ManageBooking;

public sealed class RescheduleForm
{
    public string? Start { get; set; }
}

public sealed class RescheduleFormValidator : AbstractValidator<RescheduleForm>
{
    public RescheduleFormValidator()
    {
        RuleFor(f => f.Start).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Please choose a new time.")
            .Must(s => SlotValue.TryParse(s, out _)).WithMessage("Please choose one of the times shown.");
    }
}
