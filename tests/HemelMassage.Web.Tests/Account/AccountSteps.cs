using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Account;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Account;

/// <summary>A client's way into their own page: ask for a link, let the email side send it, open it, press the button.</summary>
public static partial class AccountSteps
{
    public static async Task<int> AddClientAsync(BookingSite site, string name, string email) =>
        await site.WithDbAsync(async db =>
        {
            var client = db.Clients.Add(new Web.Clients.Client { Name = name, Email = email.ToLowerInvariant(), Phone = "07700 900456", CreatedAtUtc = site.Clock.GetUtcNow().UtcDateTime }).Entity;
            await db.SaveChangesAsync();
            return client.Id;
        });

    /// <summary>Posts the address on <c>/account</c>; every answer is the redirect to the same "check your email" page.</summary>
    public static async Task AskForLinkAsync(HttpClient browser, string email)
    {
        var response = await browser.PostFormAsync("/account", "/account", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal("/account/sent", BookingSite.Location(response));
    }

    /// <summary>The email side's pass, as the outbox's background service runs it.</summary>
    public static async Task<int> SendLinksAsync(BookingSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignInLinks>().QueueAsync(default);
    }

    /// <summary>The sign-in link in the newest email to the address, its token put back as the dispatcher does; null when none was sent.</summary>
    public static async Task<string?> LinkAsync(BookingSite site, string email)
    {
        var secrets = site.Services.GetRequiredService<OutboxSecrets>();
        var row = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == EmailKind.MailboxLink && m.ToAddress == email).OrderByDescending(m => m.Id).FirstOrDefaultAsync());
        return row is null ? null : SignInLink().Match(secrets.Open(row).TextBody) is { Success: true } m ? m.Value : null;
    }

    /// <summary>Presses the button on the link's page; returns the response (a redirect to /account when it signs in).</summary>
    public static async Task<HttpResponseMessage> PressAsync(HttpClient browser, string link)
    {
        var page = await browser.GetStringAsync(link);
        return await browser.PostWithTokenAsync(link, Forms.Token(page));
    }

    /// <summary>The whole way in; the browser then holds the client cookie.</summary>
    public static async Task SignInAsync(BookingSite site, HttpClient browser, string email)
    {
        await AskForLinkAsync(browser, email);
        await SendLinksAsync(site);
        var link = await LinkAsync(site, email) ?? throw new InvalidOperationException("No sign-in link was sent to " + email);
        Assert.Equal("/account", BookingSite.Location(await PressAsync(browser, link)));
    }

    public static async Task<string> PageAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"/account/sign-in/[A-Za-z0-9_-]{43}")]
    private static partial Regex SignInLink();
}
