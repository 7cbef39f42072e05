using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using HemelMassage.Web.Intake;
using HemelMassage.Web.ManageBooking;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Account;

/// <summary>What "My details" shows: the form, the address signed in with, the email choices, the health consent and an erasure request.</summary>
public sealed record MyDetailsPage(MyDetailsForm Form, MyEmailForm EmailForm, string Email, bool NoFollowUp, bool NoReminders, DateTime? HealthConsentAtUtc, DateTime? ErasureRequestedAtUtc);

/// <summary>What asking for a new address did: a link went to it, or why not.</summary>
public enum EmailChangeAsked
{
    Sent,
    Same,
    Taken,
    Gone,
}

/// <summary>What pressing the button on a new-address link did.</summary>
public enum EmailChangeOutcome
{
    Changed,
    Used,
    Expired,
    Taken,
}

/// <summary>
/// The signed-in client's own details and choices. Each change goes through the code staff use for the same change
/// (<see cref="ClientContacts.Update"/>, <see cref="IntakeRecords.WithdrawConsentAsync(int, string, string?, CancellationToken)"/>) and is
/// audited with the client as the actor (<see cref="Actor"/>).
/// </summary>
public sealed class MyDetails(
    ClinicDbContext db, ClientContacts contacts, IntakeRecords intakes, AuditLog audit, TimeProvider clock, MailboxLinks links, EmailChangedEmail changedNotice)
{
    /// <summary>Who the audit log names for what a client does on their own page.</summary>
    public static string Actor(int clientId) => $"client {clientId} (their own page)";

    /// <summary>What the page says when an address is another client's: never whose it is.</summary>
    public const string TakenMessage = "This email address cannot be used here. Please phone us and we will sort it out with you.";

    public async Task<MyDetailsPage?> PageAsync(int clientId, MyDetailsForm? form, CancellationToken cancellationToken, MyEmailForm? emailForm = null)
    {
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return null;
        }
        // The date of the latest consent is not itself a health answer: nothing is decrypted here.
        var consent = await (from i in db.Intakes
                             join a in db.Bookings on i.BookingId equals a.Id
                             where a.ClientId == clientId && i.HealthConsentAtUtc != null
                             select i.HealthConsentAtUtc).MaxAsync(cancellationToken);
        return new MyDetailsPage(form ?? new MyDetailsForm { Name = client.Name, Phone = client.Phone }, emailForm ?? new MyEmailForm(),
            client.Email, client.NoFollowUp, client.NoReminders, consent, client.ErasureRequestedAtUtc);
    }

    /// <summary>Name and phone; the email address changes only through a link to the new address. Returns the fields changed, in words ("" for none).</summary>
    public async Task<string?> SaveContactsAsync(int clientId, MyDetailsForm form, CancellationToken cancellationToken)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return null;
        }
        var changed = contacts.Update(client, form.Name, client.Email, form.Phone, "by the client on their own page", Actor(clientId));
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    /// <summary>
    /// Nothing changes yet: a link (<see cref="MailboxLinkPurpose.ChangeEmail"/>, <see cref="MailboxLinks.Lifetime"/>) goes to the
    /// new address, and only its button changes the record. An address another client holds is refused here and again at the link.
    /// </summary>
    public async Task<EmailChangeAsked> AskEmailChangeAsync(int clientId, string newEmail, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return EmailChangeAsked.Gone;
        }
        var address = ClientContacts.Normal(newEmail);
        if (address == client.Email)
        {
            return EmailChangeAsked.Same;
        }
        if (await contacts.HolderOfEmailAsync(address, clientId, cancellationToken) is not null)
        {
            return EmailChangeAsked.Taken;
        }
        // A second ask within a few minutes sends nothing again: the first link still works.
        await links.SendAsync(MailboxLinkPurpose.ChangeEmail, address, client.Name, clientId, pendingKey: null,
            clock.GetUtcNow().UtcDateTime + MailboxLinks.Lifetime, booking: null, cancellationToken);
        return EmailChangeAsked.Sent;
    }

    /// <summary>
    /// The new-address link's button: the change through <see cref="ClientContacts.Update"/>, audited as the client's, and a notice
    /// (no link) to the old address, both in one save. A used or expired link, or an address another client took since, changes nothing.
    /// </summary>
    public async Task<EmailChangeOutcome> ConfirmEmailChangeAsync(MailboxLink link, CancellationToken cancellationToken)
    {
        if (link.UsedAtUtc is not null)
        {
            return EmailChangeOutcome.Used;
        }
        if (!links.IsLive(link) || await db.Clients.FirstOrDefaultAsync(c => c.Id == link.ClientId, cancellationToken) is not { } client)
        {
            return EmailChangeOutcome.Expired;
        }
        if (await contacts.HolderOfEmailAsync(link.Email, client.Id, cancellationToken) is not null)
        {
            return EmailChangeOutcome.Taken;
        }
        if (!await links.UseAsync(link, cancellationToken))
        {
            return EmailChangeOutcome.Used;
        }
        var old = client.Email;
        contacts.Update(client, client.Name, link.Email, client.Phone, "by the client on their own page, confirmed by a link to the new address", Actor(client.Id));
        if (old.Length > 0 && old != client.Email)
        {
            changedNotice.Add(old, client.Name);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another record took the address between the check and the save (the unique index refused it).
            return EmailChangeOutcome.Taken;
        }
        return EmailChangeOutcome.Changed;
    }

    public async Task<bool> SavePreferencesAsync(int clientId, MyPreferencesForm form, CancellationToken cancellationToken)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return false;
        }
        if (client.NoFollowUp != form.NoFollowUp || client.NoReminders != form.NoReminders)
        {
            client.NoFollowUp = form.NoFollowUp;
            client.NoReminders = form.NoReminders;
            audit.Add("client.email-choices", $"client {clientId}",
                $"Follow-up emails {(form.NoFollowUp ? "off" : "on")}, reminders {(form.NoReminders ? "off" : "on")}", Actor(clientId));
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    /// <summary>The same withdrawal as the emailed link and the Owner's button, with the same effect and audit; null when the client is gone.</summary>
    public async Task<int?> WithdrawHealthConsentAsync(int clientId, CancellationToken cancellationToken)
    {
        var email = await db.Clients.Where(c => c.Id == clientId).Select(c => c.Email).FirstOrDefaultAsync(cancellationToken);
        return email is null ? null : await intakes.WithdrawConsentAsync(clientId, email, Actor(clientId), cancellationToken);
    }

    /// <summary>Records the request once (a second press keeps the first date); the Owner erases under the retention rules.</summary>
    public async Task<bool> RequestErasureAsync(int clientId, CancellationToken cancellationToken)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return false;
        }
        if (client.ErasureRequestedAtUtc is null)
        {
            client.ErasureRequestedAtUtc = clock.GetUtcNow().UtcDateTime;
            audit.Add("client.erasure-requested", $"client {clientId}", "The client asked on their own page to be erased", Actor(clientId));
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }
}
