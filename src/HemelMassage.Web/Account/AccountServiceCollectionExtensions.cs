using FluentValidation;
using HemelMassage.Web.Email;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Account;

public static class AccountServiceCollectionExtensions
{
    /// <summary>The client's own page (<c>/account</c>): sign-in by emailed link, its own cookie scheme and server-side sessions.</summary>
    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(ClientSessions.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(ClientSessions.Scheme).Configure<IOptions<SiteOptions>>((cookie, site) =>
        {
            var secure = site.Value.SecureCookies;
            // "__Host-": the browser keeps it only if Secure, host-only and for path "/". Strict: a link from another
            // site never arrives signed in. No Expires on the cookie (the browser drops it when closed); the ticket inside
            // it expires after 30 idle minutes, renewed as the client moves about, and the session row ends it at 4 hours.
            cookie.Cookie.Name = secure ? "__Host-" + ClientSessions.CookieName : ClientSessions.CookieName;
            cookie.Cookie.Path = "/";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.IsEssential = true;
            cookie.ExpireTimeSpan = ClientSessions.Idle;
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = ClientSessions.ValidateAsync;
            // The account's pages check the session themselves; nothing under this scheme redirects anywhere.
            cookie.Events.OnRedirectToLogin = context =>
            {
                context.Response.Redirect(context.Request.PathBase + "/account");
                return Task.CompletedTask;
            };
        });
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateOnStart();
        services.AddScoped<ClientSessions>();
        services.AddScoped<Book.ISignedInClient>(sp => sp.GetRequiredService<ClientSessions>());
        services.AddScoped<SignInLinks>();
        services.AddScoped<AccountBookings>();
        services.AddScoped<MyDetails>();
        services.AddSingleton<IValidator<MyDetailsForm>, MyDetailsFormValidator>();
        services.AddSingleton<IValidator<MyEmailForm>, MyEmailFormValidator>();
        services.AddScoped<IOutboxFeed>(sp => sp.GetRequiredService<SignInLinks>());
        services.AddSingleton<IValidator<AccountEmailForm>, AccountEmailFormValidator>();
        return services;
    }
}
