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

    public static StaffOptions Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new StaffOptions
        {
            RequireTwoFactor = !environment.IsDevelopment(),
            SecureCookies = !environment.IsDevelopment(),
        };
        configuration.GetSection(Section).Bind(options);
        return options;
    }
}
