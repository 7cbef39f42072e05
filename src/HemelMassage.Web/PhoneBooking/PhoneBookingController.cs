using FluentValidation;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Site;
using HemelMassage.Web.Diary;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.PhoneBooking;

public sealed record PhoneBookingPage(PhoneBookingForm Form, IReadOnlyList<TherapistOption> Therapists, IReadOnlyList<TherapistOption> Treatments);

/// <summary>Reception or the Owner books a client who phoned or walked in.</summary>
[Area("Admin")]
[Route("admin/bookings/new")]
[Authorize(Roles = StaffRoles.Owner + "," + StaffRoles.Reception)]
public sealed class PhoneBookingController(DiaryQueries diary, PhoneBookings bookings, IValidator<PhoneBookingForm> validator) : Controller
{
    [HttpGet("")]
    public Task<IActionResult> New(DateOnly? date, int? therapist, string? time, CancellationToken cancellationToken) =>
        PageAsync(new PhoneBookingForm
        {
            Key = Secrets.NewToken(),
            TherapistId = therapist,
            Date = diary.DateOrToday(date).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            // From a free hour on the diary grid; anything that is not a time is left for staff to type.
            Time = TimeOnly.TryParseExact(time, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t)
                ? t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "",
        }, cancellationToken);

    [HttpPost("")]
    public async Task<IActionResult> Create(PhoneBookingForm form, CancellationToken cancellationToken)
    {
        ModelState.AddErrors(await validator.ValidateAsync(form, cancellationToken));
        if (!ModelState.IsValid)
        {
            return await PageAsync(form, cancellationToken);
        }
        var result = await bookings.BookAsync(form, cancellationToken);
        if (result.Outcome == DeskOutcome.Done)
        {
            TempData["Notice"] = result.Message;
            return Redirect($"/admin/bookings/{result.BookingId}");
        }
        ModelState.AddModelError(result.Field, result.Message);
        return await PageAsync(form, cancellationToken);
    }

    private async Task<IActionResult> PageAsync(PhoneBookingForm form, CancellationToken cancellationToken) =>
        View("New", new PhoneBookingPage(form, await diary.TherapistsAsync(cancellationToken), await diary.TreatmentsAsync(cancellationToken)));
}
