using HemelMassage.Web.Book;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.ManageBooking;

/// <summary>
/// A link sent to a client's address (<see cref="MailboxLinks"/>): the GET names what it will do, the button POSTs it.
/// It works in any browser, as holding it is the proof.
/// </summary>
[EnableRateLimiting(RateLimits.Manage)]
[PrivatePage]
public sealed class MailboxLinkController(
    MailboxLinks links, BookingConfirmation confirmation, Intake.IntakeRecords intakes, Availability availability, TimeProvider clock, SlotText text, Data.ClinicDbContext db, BookingWrites writes) : Controller
{
    [HttpGet("/booking/email/{token}")]
    public async Task<IActionResult> Show(string token, CancellationToken cancellationToken)
    {
        var link = await links.FindAsync(token, cancellationToken);
        // A sign-in or new-address link is the account's (/account/...): here it does nothing.
        if (link is null || MailboxLink.IsAccounts(link.Purpose))
        {
            return this.NotValid();
        }
        var pending = await PendingAsync(link, cancellationToken);
        var state = link.UsedAtUtc is not null || pending?.BookingId is not null ? MailboxLinkState.Used
            : !links.IsLive(link) || (link.Purpose == MailboxLinkPurpose.ConfirmBooking && pending is null) ? MailboxLinkState.Expired
            : MailboxLinkState.Live;
        if (link.Purpose == MailboxLinkPurpose.ProveBooking)
        {
            var booking = await db.Bookings.AsNoTracking().Include(a => a.Treatment).FirstOrDefaultAsync(a => a.Id == link.BookingId && a.ClientId == link.ClientId, cancellationToken);
            // Already joined (by staff, say): nothing left to press.
            var proveState = booking is null ? MailboxLinkState.Expired : !booking.AwaitsMailboxProof ? MailboxLinkState.Used : state;
            return View("MailboxLink", new MailboxLinkView(token, link.Purpose, proveState,
                booking is null ? null : $"{booking.Treatment!.Name}, {text.Range(booking.StartUtc)} (reference {booking.Reference})"));
        }
        return View("MailboxLink", new MailboxLinkView(token, link.Purpose, state, pending is null ? null : await DescribeAsync(pending, cancellationToken)));
    }

    [HttpPost("/booking/email/{token}")]
    public async Task<IActionResult> Act(string token, CancellationToken cancellationToken)
    {
        var link = await links.FindAsync(token, cancellationToken);
        // A sign-in or new-address link is the account's (/account/...): here it does nothing.
        if (link is null || MailboxLink.IsAccounts(link.Purpose))
        {
            return this.NotValid();
        }
        var again = Redirect("/booking/email/" + Uri.EscapeDataString(token));
        if (link.Purpose == MailboxLinkPurpose.ConfirmBooking)
        {
            if (await PendingAsync(link, cancellationToken) is not { } pending || (pending.BookingId is null && !links.IsLive(link)))
            {
                return again;
            }
            var (problem, confirmed, _, manageToken) = await confirmation.ConfirmAsync(pending.Key, mailboxProven: true, cancellationToken);
            if (confirmed?.BookingId is null)
            {
                return View("MailboxLink", new MailboxLinkView(token, link.Purpose, problem == SlotProblem.None ? MailboxLinkState.Expired : MailboxLinkState.Taken, null));
            }
            await links.UseAsync(link, cancellationToken);
            return await confirmation.ShowAsync(confirmed, manageToken, cancellationToken) is { } shown ? View("~/Book/Views/Done.cshtml", shown.View) : again;
        }
        if (!await links.UseAsync(link, cancellationToken) || await db.Clients.FirstOrDefaultAsync(c => c.Id == link.ClientId && c.Email == link.Email, cancellationToken) is not { } client)
        {
            return again;
        }
        if (link.Purpose == MailboxLinkPurpose.WithdrawHealthConsent)
        {
            await intakes.WithdrawConsentAsync(client.Id, client.Email, "the client, by the link emailed to them", cancellationToken);
        }
        else if (link.Purpose == MailboxLinkPurpose.ProveBooking)
        {
            if (await db.Bookings.FirstOrDefaultAsync(a => a.Id == link.BookingId && a.ClientId == client.Id, cancellationToken) is { } booking)
            {
                writes.Prove(booking, Actor.ClientOnline);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        else
        {
            client.NoFollowUp = true;
            await db.SaveChangesAsync(cancellationToken);
        }
        return again;
    }

    /// <summary>The booking in progress a confirm link is for, while it lasts, and only under the address the link went to.</summary>
    private async Task<PendingBooking?> PendingAsync(MailboxLink link, CancellationToken cancellationToken)
    {
        if (link.PendingKey is null)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.PendingBookings.FirstOrDefaultAsync(p => p.Key == link.PendingKey && (p.ExpiresAtUtc > now || p.BookingId != null), cancellationToken);
        return pending?.Email?.ToLowerInvariant() == link.Email ? pending : null;
    }

    private async Task<string> DescribeAsync(PendingBooking pending, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var therapist = pending.TherapistId is int id ? schedule.Therapist(id)?.Name : "whichever therapist is free";
        return $"{schedule.Treatment(pending.TreatmentId)?.Name}, {text.Range(pending.StartUtc)}, with {therapist}";
    }
}
