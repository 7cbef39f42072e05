using HemelMassage.Web.Data;

namespace HemelMassage.Web.Email;

/// <summary>
/// Asked by the dispatcher just before a row is sent: an email whose reason has gone since it was queued (a
/// waitlist offer for an hour taken again, a hold already ended) is marked not needed instead of sent.
/// </summary>
public interface IOutboxSendCheck
{
    /// <summary>False: do not send. Read only.</summary>
    Task<bool> StillWantedAsync(ClinicDbContext db, OutboxMessage row, CancellationToken cancellationToken);
}
