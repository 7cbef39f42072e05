using System.Security.Claims;
using HemelMassage.Web.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Staff;

public static class StaffServiceCollectionExtensions
{
    public const string SignInPath = "/admin/account/sign-in";

    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        StaffOptions.AddTo(services);
        services.AddSingleton<DummyPasswordHash>();

        services.AddIdentity<StaffUser, IdentityRole>(identity =>
            {
                // OWASP ASVS 5: length, not composition; common passwords are refused by CommonPasswordValidator.
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 1;
                // Counts only wrong authenticator codes, which only someone with the password can send; wrong
                // passwords slow their source down instead (SignInThrottle), so a stranger cannot lock staff out.
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = true;
                identity.Tokens.PasswordResetTokenProvider = StaffLinkTokenProvider.Name;
            })
            .AddEntityFrameworkStores<ClinicDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OnceOnlyAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddTokenProvider<StaffLinkTokenProvider>(StaffLinkTokenProvider.Name);
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<StaffOptions>>((o, staff) =>
        {
            o.ValidationInterval = staff.Value.SecurityStampValidationInterval;
            o.OnRefreshingPrincipal = KeepSecondFactor;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<StaffOptions>>((cookie, staff) =>
        {
            StaffCookie(cookie, staff.Value.SecureCookies, "hm-staff");
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = "/admin/account/sign-out";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events.OnValidatePrincipal = StaffSessions.ValidateAsync;
            // The handler's own redirect is absolute, built from the request's Host header, which a client can set
            // to anything. A path is resolved by the browser against the address it actually asked for.
            cookie.Events.OnRedirectToLogin = context =>
            {
                var request = context.Request;
                context.Response.Redirect(request.PathBase + SignInPath
                    + QueryString.Create("returnUrl", request.PathBase + request.Path + request.QueryString));
                return Task.CompletedTask;
            };
            // A signed-in member of staff refused for their role gets a plain 403 (and the friendly page for it), not a redirect.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme).Configure<IOptions<StaffOptions>>((c, staff) => StaffCookie(c, staff.Value.SecureCookies, "hm-2fa"));

        services.AddAuthorization(o => o.AddStaffPolicies());
        services.AddSingleton<IAuthorizationHandler, TwoFactorHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, TwoFactorSetupRedirect>();
        services.Configure<MvcOptions>(mvc => mvc.Conventions.Add(new StaffAreaConvention()));
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<StaffPasswordLinks>();
        services.AddSingleton<ForgottenPasswords>();
        services.AddHostedService(provider => provider.GetRequiredService<ForgottenPasswords>());
        services.AddScoped<StaffSignIn>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<TrustedBrowsers>();
        services.AddScoped<FirstOwnerSetup>();
        services.AddHostedService<FirstOwnerOffer>();
        services.AddStaffForms();
        return services;
    }

    public static WebApplication UseStaff(this WebApplication app)
    {
        // Staff pages hold clients' details and are used on shared tablets: never keep them in a cache.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.CacheControl = Site.PrivatePageAttribute.NeverStored;
            }
            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static void StaffCookie(CookieAuthenticationOptions cookie, bool secure, string name)
    {
        // "__Host-" makes the browser refuse the cookie unless it is Secure, host-only and for path "/".
        cookie.Cookie.Name = secure ? "__Host-" + name : name;
        cookie.Cookie.Path = "/";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }

    // The periodic security-stamp check rebuilds the principal; without this it would forget the second factor.
    private static Task KeepSecondFactor(SecurityStampRefreshingPrincipalContext context)
    {
        var amr = context.CurrentPrincipal?.FindFirst("amr");
        if (amr is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim("amr", amr.Value))
        {
            identity.AddClaim(new Claim("amr", amr.Value));
        }
        return Task.CompletedTask;
    }
}
