using System.Security.Claims;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Diary;

/// <summary>
/// Who is looking at the diary, and so what they may see: a therapist only their own bookings and
/// their own clients' notes; reception every booking and contact details but no notes; the Owner all.
/// </summary>
public sealed class StaffViewer(ClinicDbContext db, IHttpContextAccessor http)
{
    private int? _therapistId;
    private bool _loaded;

    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsOwner => User.IsInRole(StaffRoles.Owner);

    public bool IsDesk => IsOwner || User.IsInRole(StaffRoles.Reception);

    public string Name => User.FindFirstValue(StaffClaimsPrincipalFactory.DisplayNameClaim) ?? User.Identity?.Name ?? "staff";

    /// <summary>Null when every therapist's diary is open; otherwise the one therapist (0 for an account linked to none).</summary>
    public async Task<int?> OnlyTherapistAsync(CancellationToken cancellationToken)
    {
        if (IsDesk)
        {
            return null;
        }
        if (!_loaded)
        {
            var id = User.FindFirstValue(ClaimTypes.NameIdentifier);
            _therapistId = await db.Users.Where(u => u.Id == id).Select(u => u.TherapistId).FirstOrDefaultAsync(cancellationToken);
            _loaded = true;
        }
        return _therapistId ?? 0;
    }

    public async Task<bool> MaySeeAsync(Booking booking, CancellationToken cancellationToken) =>
        await OnlyTherapistAsync(cancellationToken) is not int only || only == booking.TherapistId;

    /// <summary>The client's note may hold health information: the Owner and the booking's own therapist only.</summary>
    public async Task<bool> MaySeeNoteAsync(Booking booking, CancellationToken cancellationToken) =>
        IsOwner || (!IsDesk && await MaySeeAsync(booking, cancellationToken));
}
