using System.Globalization;
using FluentValidation;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Data;
using HemelMassage.Web.Diary;
using HemelMassage.Web.Site;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.PhoneBooking;

/// <summary>
/// Reception or the Owner books a client who phoned or walked in. The diary's free hours and a client's
/// "Book again" open it filled: <c>?therapist=1&amp;date=2026-12-08&amp;time=10:00&amp;treatment=2&amp;client=5</c>.
/// </summary>
[Area("Admin")]
[Route("admin/bookings/new")]
[Authorize(Roles = StaffRoles.Owner + "," + StaffRoles.Reception)]
public sealed class PhoneBookingController(
    PhoneBookingPages pages, PhoneBookings bookings, DiaryQueries diary, ClinicDbContext db, IValidator<PhoneBookingForm> validator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> New(DateOnly? date, int? therapist, string? time, int? treatment, int? client, string? q, CancellationToken cancellationToken)
    {
        var form = new PhoneBookingForm
        {
            Key = Secrets.NewToken(),
            TherapistId = therapist,
            // A free hour on the diary names the therapist only: every treatment is the same hour, so the first
            // one they give is filled in and their free hours are listed at once (staff may change it).
            TreatmentId = treatment ?? await pages.FirstTreatmentOfAsync(therapist, cancellationToken),
            Date = diary.DateOrToday(date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Time = time is { Length: <= 8 } ? time : "",
            Search = q is { Length: <= 100 } ? q : null,
        };
        if (client is int id)
        {
            await PickAsync(form, id, cancellationToken);
        }
        return View("New", await pages.BuildAsync(form, searched: !string.IsNullOrWhiteSpace(form.Search), cancellationToken));
    }

    /// <summary>The search's results as a fragment of the page, for the script that searches as staff type.</summary>
    [HttpGet("clients")]
    public async Task<IActionResult> Clients(string? q, DateOnly? date, int? therapist, string? time, int? treatment, CancellationToken cancellationToken) =>
        PartialView("_ClientMatches", new ClientMatchesView(q, await pages.MatchesAsync(q, cancellationToken),
            PickLinks.Keep(therapist, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), time, treatment)));

    /// <summary>The free hours as a fragment, for the script that refreshes them when the day or therapist changes.</summary>
    [HttpGet("hours")]
    public async Task<IActionResult> Hours(DateOnly? date, int? therapist, int? treatment, string? time, CancellationToken cancellationToken)
    {
        var form = new PhoneBookingForm
        {
            TherapistId = therapist, TreatmentId = treatment, Date = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Time = time is { Length: <= 8 } ? time : "",
        };
        var (hours, note) = await pages.FreeHoursAsync(form, cancellationToken);
        return PartialView("_FreeHours", new FreeHoursView(form.Time, hours, note));
    }

    [HttpPost("")]
    public async Task<IActionResult> Create(PhoneBookingForm form, string? step, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(form.OtherTime))
        {
            form.Time = form.OtherTime.Trim();
        }
        if (step is "hours" or "new-client")
        {
            ModelState.Clear();
            if (step == "new-client")
            {
                (form.ClientId, form.Name, form.Email, form.Phone) = (null, "", "", "");
            }
            return View("New", await pages.BuildAsync(form, searched: false, cancellationToken));
        }
        ModelState.AddErrors(await validator.ValidateAsync(form, cancellationToken));
        if (ModelState.IsValid)
        {
            var result = await bookings.BookAsync(form, cancellationToken);
            if (result.Outcome == DeskOutcome.Done)
            {
                TempData["Notice"] = result.Message;
                return Redirect($"/admin/bookings/{result.BookingId}");
            }
            ModelState.AddModelError(result.Field, result.Message);
        }
        return View("New", await pages.BuildAsync(form, searched: false, cancellationToken));
    }

    /// <summary>Fills the contact fields from the client's record; staff may then correct them (the record follows).</summary>
    private async Task PickAsync(PhoneBookingForm form, int clientId, CancellationToken cancellationToken)
    {
        if (await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken) is { } client)
        {
            (form.ClientId, form.Name, form.Email, form.Phone) = (client.Id, client.Name, client.Email, client.Phone);
        }
    }
}

/// <param name="Keep">The query string of what is already chosen (therapist, day, time, treatment), which a pick link carries on.</param>
public sealed record ClientMatchesView(string? Term, IReadOnlyList<ClientMatch> Matches, string Keep);

public static class PickLinks
{
    public static string Keep(int? therapist, string? date, string? time, int? treatment) => string.Concat(
        therapist is int t ? $"&therapist={t}" : "",
        string.IsNullOrEmpty(date) ? "" : "&date=" + Uri.EscapeDataString(date),
        string.IsNullOrEmpty(time) ? "" : "&time=" + Uri.EscapeDataString(time),
        treatment is int tr ? $"&treatment={tr}" : "");
}

public sealed record FreeHoursView(string Time, IReadOnlyList<FreeHour> Hours, string? Note);
