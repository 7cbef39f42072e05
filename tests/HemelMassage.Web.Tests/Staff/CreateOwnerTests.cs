using System.Net;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Staff;

[Trait("Database", "Both")]
public sealed class CreateOwnerTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Create_owner_prints_a_one_time_link_that_sets_the_password_and_the_owner_can_then_sign_in()
    {
        var client = site.CreatePageClient();
        var link = await CreateOwnerAsync("first-owner@example.com");

        var form = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var set = await SetPasswordAsync(client, link, "river granite pocket thistle");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        var signIn = await client.SignInAsync("first-owner@example.com", "river granite pocket thistle");
        Assert.Equal("/admin", signIn.Headers.Location!.OriginalString);
        var staff = await client.GetAsync("/admin/staff");
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);

        var again = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("This link no longer works", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var scope = site.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().AuditEntries.Select(a => a.Action).ToListAsync();
        Assert.Contains("staff.created", audit);
        Assert.Contains("staff.password-set", audit);
    }

    [Fact]
    public async Task The_account_created_by_the_command_has_no_password_until_the_link_is_used()
    {
        var link = await CreateOwnerAsync("no-password@example.com");

        var signIn = await site.CreatePageClient().SignInAsync("no-password@example.com", "anything at all here");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("That email and password do not match", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("/admin/account/set-password?user=", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_owner_without_an_email_prints_how_to_use_it()
    {
        var output = new StringWriter();

        var ran = await StaffCommands.TryRunAsync(Services(), ["create-owner"], output);

        Assert.True(ran);
        Assert.Contains("Usage: create-owner you@example.com", output.ToString(), StringComparison.Ordinal);
        Environment.ExitCode = 0;
    }

    [Theory]
    [InlineData("short words", "at least 12 characters")]
    [InlineData("password1234", "too common")]
    [InlineData("hemelmassage2024", "too common")]
    public async Task A_weak_password_is_refused_with_a_message_next_to_the_field(string password, string message)
    {
        var client = site.CreatePageClient();
        var link = await CreateOwnerAsync($"weak-{Guid.NewGuid():n}@example.com");

        var response = await SetPasswordAsync(client, link, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"NewPassword-error\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eleven char")]
    public async Task Eleven_characters_are_refused(string password)
    {
        Assert.Equal(11, password.Length);
        var response = await SetPasswordAsync(site.CreatePageClient(), await CreateOwnerAsync($"eleven-{Guid.NewGuid():n}@example.com"), password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least 12 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_four_word_passphrase_with_no_digits_capitals_or_symbols_is_accepted()
    {
        var response = await SetPasswordAsync(site.CreatePageClient(), await CreateOwnerAsync($"phrase-{Guid.NewGuid():n}@example.com"), "staple cloud harbour mitten");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<string> CreateOwnerAsync(string email)
    {
        var output = new StringWriter();
        Assert.True(await StaffCommands.TryRunAsync(Services(), ["create-owner", email], output));
        Assert.Equal(0, Environment.ExitCode);
        var link = output.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http", StringComparison.Ordinal));
        return new Uri(link).PathAndQuery;
    }

    private IServiceProvider Services()
    {
        _ = site.CreateClient();
        return site.Services;
    }

    private static Task<HttpResponseMessage> SetPasswordAsync(HttpClient client, string link, string password)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query);
        return client.PostFormAsync(link, "/admin/account/set-password", new()
        {
            ["UserId"] = query["user"]!,
            ["Token"] = query["token"]!,
            ["NewPassword"] = password,
            ["ConfirmPassword"] = password,
        });
    }
}
