using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Staff;

/// <summary>The <c>Staff</c> settings. The two switches default to on outside Development.</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>Everything under /admin needs a second factor (an authenticator app).</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>The staff cookie is HTTPS-only and named with the <c>__Host-</c> prefix.</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>How often a signed-in cookie is checked against the account; a disabled account loses access within this.</summary>
    public TimeSpan SecurityStampValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an invitation or set-password link stays valid.</summary>
    public TimeSpan SetPasswordLinkLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long a link to choose a new password stays valid (asked for on the sign-in page, or sent by the Owner).</summary>
    public TimeSpan NewPasswordLinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Binds the whole section, so a new property is read with no further code. Development's defaults (no
    /// second factor, plain-http cookies) are set before binding, so a configured value still wins.
    /// </summary>
    public static OptionsBuilder<StaffOptions> AddTo(IServiceCollection services) => services.AddOptions<StaffOptions>()
        .Configure<IHostEnvironment>((o, environment) =>
        {
            o.RequireTwoFactor = !environment.IsDevelopment();
            o.SecureCookies = !environment.IsDevelopment();
        })
        .BindConfiguration(Section)
        .Validate(o => o.SecurityStampValidationInterval > TimeSpan.Zero && o.SetPasswordLinkLifetime > TimeSpan.Zero && o.NewPasswordLinkLifetime > TimeSpan.Zero,
            "Staff:SecurityStampValidationInterval, Staff:SetPasswordLinkLifetime and Staff:NewPasswordLinkLifetime must be positive.")
        .ValidateOnStart();
}
