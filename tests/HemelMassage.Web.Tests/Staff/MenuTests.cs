using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Staff;

/// <summary>
/// The staff menu against every controller's policy: for each role, each page the menu links answers 200, and every
/// admin page that role may open (every GET under /admin with no value in its path that its policies let the role
/// through) is in the menu or linked from the menu page it belongs to (<c>/admin/diary/week</c> from <c>/admin/diary</c>).
/// </summary>
public sealed partial class MenuTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("Owner")]
    [InlineData("Reception")]
    [InlineData("Therapist")]
    public async Task The_menu_links_every_page_the_role_may_use_and_each_link_opens(string role)
    {
        var (client, _) = await site.SignedInAsAsync(role);
        var menu = MenuLinks(await client.GetStringAsync("/admin"));
        Assert.NotEmpty(menu);

        var reachable = new HashSet<string>(menu, StringComparer.OrdinalIgnoreCase);
        foreach (var link in menu)
        {
            var response = await client.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role}: the menu's {link} answered {(int)response.StatusCode}");
            // The dashboard is the menu's first entry, not a parent: what it alone links is not in the menu.
            if (link == "/admin")
            {
                continue;
            }
            // A menu page leads to its own pages, and they to theirs (the diary to its list, the list to its week).
            var toRead = new Queue<(string Page, string Html)>([(link, await response.Content.ReadAsStringAsync())]);
            while (toRead.TryDequeue(out var page))
            {
                foreach (var below in PageLinks(page.Html).Where(l => l.StartsWith(link + "/", StringComparison.OrdinalIgnoreCase)))
                {
                    if (reachable.Add(below) && reachable.Count < 200)
                    {
                        using var belowResponse = await client.GetAsync(below);
                        if (belowResponse.StatusCode == HttpStatusCode.OK && belowResponse.Content.Headers.ContentType?.MediaType == "text/html")
                        {
                            toRead.Enqueue((below, await belowResponse.Content.ReadAsStringAsync()));
                        }
                    }
                }
            }
        }

        var mayUse = await PagesTheRoleMayUseAsync(role);
        Assert.Contains("/admin/diary", mayUse);
        var missing = new List<string>();
        foreach (var page in mayUse.Where(page => !reachable.Contains(page)))
        {
            // Only a whole page must be reachable: an old address that moves the browser on (/admin/outbox to
            // /admin/emails), a piece of a page that a script fetches (the phone form's client matches) or an
            // address that needs a query (a client's edit page found by email) is not one.
            using var response = await client.GetAsync(page);
            if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("<html", StringComparison.OrdinalIgnoreCase))
            {
                missing.Add(page);
            }
        }
        Assert.True(missing.Count == 0, $"{role} may use {string.Join(", ", missing)} but the menu does not lead there");
        Assert.DoesNotContain(menu, link => !mayUse.Contains(link) && link != "/admin");
    }

    [Fact]
    public async Task Reception_finds_phone_booking_and_clients_in_the_menu_and_not_the_owners_pages()
    {
        var (client, _) = await site.SignedInAsAsync("Reception");

        var menu = MenuLinks(await client.GetStringAsync("/admin/diary"));

        Assert.Contains("/admin/bookings/new", menu);
        Assert.Contains("/admin/clients", menu);
        Assert.DoesNotContain("/admin/staff", menu);
        Assert.DoesNotContain("/admin/audit", menu);
    }

    private async Task<HashSet<string>> PagesTheRoleMayUseAsync(string role)
    {
        _ = site.CreateClient();
        var policies = site.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = site.Services.GetRequiredService<IAuthorizationService>();
        // A member of staff in that role, active, who has used both factors: what the role may do, nothing less.
        var member = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "menu-test"), new Claim(ClaimTypes.Role, role), new Claim(StaffClaimsPrincipalFactory.ActiveClaim, "true"), new Claim("amr", "mfa")],
            "Test"));
        var pages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in site.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var path = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (!path.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) || endpoint.RoutePattern.Parameters.Count > 0
                || endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") != true
                || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                continue;
            }
            var authorizeData = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            // Pages open before two-factor is set up (the set-up page itself) are reached from the account page, not the menu.
            if (authorizeData.Any(a => a.Policy == StaffPolicies.SignedInStaff))
            {
                continue;
            }
            var policy = await AuthorizationPolicy.CombineAsync(policies, authorizeData);
            if (policy is not null && (await authorization.AuthorizeAsync(member, null, policy)).Succeeded)
            {
                pages.Add(path);
            }
        }
        return pages;
    }

    private static List<string> MenuLinks(string html) =>
        PageLinks(StaffNav().Match(html).Groups[1].Value).Distinct().ToList();

    private static IEnumerable<string> PageLinks(string html) =>
        Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Split('?', '#')[0])
            .Where(l => l.StartsWith("/admin", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("<nav aria-label=\"Staff\">(.*?)</nav>", RegexOptions.Singleline)]
    private static partial Regex StaffNav();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
