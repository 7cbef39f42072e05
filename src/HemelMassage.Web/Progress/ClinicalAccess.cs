using System.Security.Claims;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Progress;

/// <summary>
/// Who may read a client's treatment record: the Owner, and a therapist who treated the client (a booking with them
/// that was not cancelled or missed). Reception and every other therapist may not: it is health information.
/// </summary>
public sealed class ClinicalAccess(ClinicDbContext db)
{
    public async Task<bool> MayReadAsync(ClaimsPrincipal user, int clientId, CancellationToken cancellationToken)
    {
        if (user.IsInRole(StaffRoles.Owner))
        {
            return true;
        }
        if (!user.IsInRole(StaffRoles.Therapist))
        {
            return false;
        }
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var therapistId = await db.Users.Where(u => u.Id == id).Select(u => u.TherapistId).FirstOrDefaultAsync(cancellationToken);
        return therapistId is int treating && await db.Bookings.AnyAsync(
            a => a.ClientId == clientId && a.TherapistId == treating && (a.Status == BookingStatus.Booked || a.Status == BookingStatus.Arrived),
            cancellationToken);
    }
}
