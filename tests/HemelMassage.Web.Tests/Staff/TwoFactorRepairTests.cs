using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QRCoder;

namespace HemelMassage.Web.Tests.Staff;

public sealed partial class TwoFactorRepairTests(ClockedTwoFactorSite site) : IClassFixture<ClockedTwoFactorSite>
{
    [Fact]
    public async Task After_the_owner_resets_her_authenticator_a_therapist_is_signed_out_and_must_set_up_a_new_app_before_any_admin_page()
    {
        var (owner, _, _) = await SignedInWithBothFactorsAsync("Owner");
        var (therapist, member, therapistKey) = await SignedInWithBothFactorsAsync("Therapist");
        var therapistId = member.Id;
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync("/admin/diary")).StatusCode);

        site.Clock.Advance(TimeSpan.FromSeconds(30));
        var reset = await owner.PostFormAsync("/admin/staff", $"/admin/staff/{therapistId}/reset-two-factor", []);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.StartsWith("/admin/account/sign-in", (await therapist.GetAsync("/admin/diary")).Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        var email = member.Email!;
        var again = site.CreatePageClient();
        // Her password is enough to start setting up, and nothing more: no code is asked, no admin page opens.
        Assert.Equal("/admin", (await again.SignInAsync(email, StaffHelpers.GoodPassword)).Headers.Location!.OriginalString);
        foreach (var path in new[] { "/admin", "/admin/diary", "/admin/account" })
        {
            Assert.Equal("/admin/account/two-factor", (await again.GetAsync(path)).Headers.Location!.OriginalString);
        }
        var setup = await again.GetStringAsync("/admin/account/two-factor");
        var newKey = SharedKey().Match(setup).Groups[1].Value;
        Assert.NotEqual(Normalised(therapistKey), Normalised(newKey));
        var oldApp = await again.PostFormAsync("/admin/account/two-factor", "/admin/account/two-factor", new() { ["Code"] = site.CodeNow(therapistKey) });
        Assert.Contains("That code is not right", await oldApp.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await again.PostFormAsync("/admin/account/two-factor", "/admin/account/two-factor", new() { ["Code"] = site.CodeNow(newKey) });
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/admin/diary")).StatusCode);
        Assert.Contains("staff.two-factor-reset", await AuditAsync(email));
    }

    [Fact]
    public async Task The_set_up_page_shows_a_qr_code_drawn_from_the_same_address_it_shows_as_text_beside_the_key()
    {
        var (client, _) = await site.SignedInAsAsync("Reception");

        var page = await client.GetStringAsync("/admin/account/two-factor");

        var uri = WebUtility.HtmlDecode(Uri().Match(page).Groups[1].Value);
        Assert.StartsWith("otpauth://totp/", uri, StringComparison.Ordinal);
        Assert.Contains("secret=" + Normalised(SharedKey().Match(page).Groups[1].Value).ToUpperInvariant(), uri, StringComparison.Ordinal);
        var src = WebUtility.HtmlDecode(QrImage().Match(page).Groups[1].Value);
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(4, drawQuietZones: true)), src);
        // The page is drawn on the server and asks nothing of another site.
        Assert.DoesNotContain("https://", page[page.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal(src, WebUtility.HtmlDecode(QrImage().Match(await client.GetStringAsync("/admin/account/two-factor")).Groups[1].Value));
    }

    private async Task<(HttpClient Client, StaffUser User, string Key)> SignedInWithBothFactorsAsync(string role)
    {
        var (client, user) = await site.SignedInAsAsync(role);
        var key = SharedKey().Match(await client.GetStringAsync("/admin/account/two-factor")).Groups[1].Value;
        var on = await client.PostFormAsync("/admin/account/two-factor", "/admin/account/two-factor", new() { ["Code"] = site.CodeNow(key) });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        return (client, user, key);
    }

    private async Task<List<string>> AuditAsync(string subject)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HemelMassage.Web.Data.ClinicDbContext>().AuditEntries.Where(a => a.Subject == subject).Select(a => a.Action).ToListAsync();
    }

    private static string Normalised(string key) => key.Replace(" ", "", StringComparison.Ordinal);

    [GeneratedRegex("id=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("id=\"otpauth-uri\">([^<]+)<")]
    private static partial Regex Uri();

    [GeneratedRegex("<img class=\"qr-code\" src=\"([^\"]+)\"")]
    private static partial Regex QrImage();
}
