using Microsoft.AspNetCore.Identity;

namespace HemelMassage.Web.Staff;

/// <summary>A member of staff who signs in to the admin area. Never a client.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in, and its cookie stops working at the next security-stamp check.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>The therapist this account belongs to, once therapists are records of their own.</summary>
    public int? TherapistId { get; set; }

    /// <summary>The last authenticator time step (Unix seconds / 30) this account signed in with; that code and older ones are refused.</summary>
    public long? LastAuthenticatorStep { get; set; }
}
