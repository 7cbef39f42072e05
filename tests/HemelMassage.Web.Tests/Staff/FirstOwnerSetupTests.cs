using System.Net;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Staff;

public sealed partial class FirstOwnerSetupTests
{
    [Fact]
    public async Task With_no_staff_a_one_time_setup_link_creates_the_first_owner_and_then_stops_working()
    {
        using var site = new SiteFactory();
        var logs = CapturedLogs.On(site);
        var client = site.CreatePageClient();
        // The link the site itself logs on starting with no staff, as the operator reads it. A link issued here as
        // well would race the site's own: each new link retires the older ones.
        var link = await LoggedLinkAsync(logs);
        var path = new Uri(link).PathAndQuery;
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["token"]!;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        var weak = await client.PostFormAsync(path, "/admin/account/setup", Fields(token, "password1234"));
        Assert.Contains("too common", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var created = await client.PostFormAsync(path, "/admin/account/setup", Fields(token, "amber quiet violin meadow"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        Assert.Equal("/admin", (await client.SignInAsync("founder@example.com", "amber quiet violin meadow")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await site.CreatePageClient().GetAsync(path)).StatusCode);
        Assert.Null(await IssueAsync(site));
    }

    [Fact]
    public async Task A_made_up_setup_token_does_not_open_the_form()
    {
        using var site = new SiteFactory();

        var response = await site.CreatePageClient().GetAsync("/admin/account/setup?token=guessed-token");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This link no longer works", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> LoggedLinkAsync(CapturedLogs logs)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (logs.Lines.Select(line => SetupLink().Match(line)).FirstOrDefault(m => m.Success) is { } found)
            {
                return found.Value;
            }
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The site logged no setup link within 30 s:\n" + string.Join("\n", logs.Lines));
            await Task.Delay(20);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://\S+/admin/account/setup\?token=[A-Za-z0-9_-]+")]
    private static partial System.Text.RegularExpressions.Regex SetupLink();

    private static async Task<string?> IssueAsync(SiteFactory site)
    {
        _ = site.CreateClient();
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FirstOwnerSetup>().IssueIfNoStaffAsync();
    }

    private static Dictionary<string, string> Fields(string token, string password) => new()
    {
        ["Token"] = token, ["DisplayName"] = "Fran Founder", ["Email"] = "founder@example.com", ["NewPassword"] = password, ["ConfirmPassword"] = password,
    };
}
