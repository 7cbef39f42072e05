using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Staff;

public sealed class AdminEndpointsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    // The only admin pages open to anyone: signing in, asking for a new password, and setting one from a one-time link.
    private static readonly string[] OpenOnPurpose =
    [
        "GET admin/account/sign-in", "POST admin/account/sign-in",
        "GET admin/account/sign-in/two-factor", "POST admin/account/sign-in/two-factor",
        "GET admin/account/sign-in/recovery-code", "POST admin/account/sign-in/recovery-code",
        "GET admin/account/set-password", "POST admin/account/set-password",
        "GET admin/account/forgot-password", "POST admin/account/forgot-password", "HEAD admin/account/forgot-password",
        "GET admin/account/setup", "POST admin/account/setup",
        "HEAD admin/account/sign-in", "HEAD admin/account/sign-in/two-factor", "HEAD admin/account/sign-in/recovery-code",
        "HEAD admin/account/set-password", "HEAD admin/account/setup",
    ];

    [Fact]
    public async Task Every_admin_endpoint_turns_an_anonymous_request_away()
    {
        var client = site.CreatePageClient();
        var endpoints = AdminEndpoints();
        Assert.NotEmpty(endpoints);
        Assert.Equal(OpenOnPurpose.Order(), endpoints.Where(e => e.Anonymous).Select(e => e.Name).Order());

        foreach (var endpoint in endpoints.Where(e => !e.Anonymous))
        {
            var path = "/" + Regex.Replace(endpoint.Pattern, @"\{[^}]+\}", "1");
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
            if (endpoint.Method == "POST")
            {
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Role"] = "Owner", ["Code"] = "123456" });
            }
            var response = await client.SendAsync(request);

            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                or HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed, $"{endpoint.Name}: {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                var location = response.Headers.Location!;
                Assert.StartsWith("/admin/account/sign-in", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task An_anonymous_visitor_to_admin_is_sent_to_sign_in_and_brought_back_afterwards()
    {
        var user = await site.CreateStaffAsync("Reception");
        var client = site.CreatePageClient();

        var response = await client.GetAsync("/admin/account");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/account/sign-in?returnUrl=%2Fadmin%2Faccount", response.Headers.Location!.OriginalString);

        var signIn = await client.PostFormAsync("/admin/account/sign-in", "/admin/account/sign-in",
            new() { ["Email"] = user.Email!, ["Password"] = StaffHelpers.GoodPassword, ["ReturnUrl"] = "/admin/account" });
        Assert.Equal("/admin/account", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored_after_sign_in()
    {
        var user = await site.CreateStaffAsync("Reception");
        var client = site.CreatePageClient();

        var signIn = await client.PostFormAsync("/admin/account/sign-in", "/admin/account/sign-in",
            new() { ["Email"] = user.Email!, ["Password"] = StaffHelpers.GoodPassword, ["ReturnUrl"] = "https://evil.example/admin" });

        Assert.Equal("/admin", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_even_when_signed_in()
    {
        var (client, _) = await site.SignedInAsAsync("Owner");

        var response = await client.PostAsync("/admin/staff/invite", new FormUrlEncodedContent(new Dictionary<string, string> { ["Invite.Email"] = "x@example.com" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private sealed record AdminEndpoint(string Method, string Pattern, bool Anonymous)
    {
        public string Name => $"{Method} {Pattern}";
    }

    private List<AdminEndpoint> AdminEndpoints()
    {
        _ = site.CreateClient();
        return site.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST", "PUT", "DELETE"])
                .Select(method => new AdminEndpoint(method, e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .Distinct()
            .ToList();
    }
}
