using System.Net;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

public sealed class TreatmentVisibilityTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task A_new_treatment_stays_off_the_public_pages_until_a_therapist_gives_it_then_it_can_be_booked()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var visitor = site.CreatePageClient();
        var added = await owner.PostFormAsync("/admin/treatments/new", "/admin/treatments/new", new Dictionary<string, string>
        {
            ["Form.Name"] = "Bamboo massage", ["Form.Suits"] = "Anyone who likes a firm, rolling pressure.",
            ["Form.Description"] = "Warm bamboo canes roll out the whole body.", ["Form.Price"] = "70", ["Form.IsActive"] = "true",
        });
        var id = await site.WithDbAsync(db => db.Treatments.Where(t => t.Slug == "bamboo-massage").Select(t => t.Id).SingleAsync());

        Assert.Contains("Clients will not see it until a therapist gives it", await owner.FollowAsync(added), StringComparison.Ordinal);
        Assert.Contains("Hidden from clients: no active therapist gives it yet", WebUtility.HtmlDecode(await owner.GetStringAsync("/admin/treatments")), StringComparison.Ordinal);
        Assert.Contains("no active therapist gives this treatment yet", await owner.GetStringAsync($"/admin/treatments/{id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Bamboo massage", await visitor.GetStringAsync("/treatments"), StringComparison.Ordinal);
        Assert.DoesNotContain("Bamboo massage", await visitor.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("Bamboo massage", await visitor.GetStringAsync("/book"), StringComparison.Ordinal);
        Assert.Equal("/book?treatment=bamboo-massage", BookingSite.Location(await visitor.GetAsync("/book/therapist?treatment=bamboo-massage")));

        var given = await site.WithDbAsync(db => db.Therapists.Where(t => t.Id == 3).SelectMany(t => t.Treatments).Select(t => t.Id).ToListAsync());
        var saved = await owner.PostFormAsync("/admin/therapists/3", "/admin/therapists/3",
            [new("Details.Name", "Priya"), new("Details.Bio", "Relaxation and bamboo."), new("Details.IsActive", "true"),
             .. given.Append(id).Select(t => new KeyValuePair<string, string>("Details.TreatmentIds", t.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Bamboo massage", await visitor.GetStringAsync("/treatments"), StringComparison.Ordinal);
        var pick = await visitor.GetAsync("/book/therapist?treatment=bamboo-massage");
        Assert.Equal(HttpStatusCode.OK, pick.StatusCode);
        Assert.Contains("Priya", await pick.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<td>Offered</td>", await owner.GetStringAsync("/admin/treatments"), StringComparison.Ordinal);
    }
}
