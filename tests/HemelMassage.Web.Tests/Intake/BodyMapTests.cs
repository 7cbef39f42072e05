using System.Net;
using HemelMassage.Web.Articles;
using HemelMassage.Web.Intake;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Intake;

/// <summary>One site for the class: each test books or holds hours of its own (<see cref="SarahsHours"/>) under an email of its own.</summary>
public sealed class BodyMapTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task A_keyboard_only_form_post_stores_the_chosen_regions()
    {
        var client = site.CreatePageClient();

        var fields = IntakeSteps.Details("hamstrings-left", "lower-back", "lower-back").With("HealthConsent", "true").With("Email", "keyboard@example.com");

        var id = await IntakeSteps.BookAsync(site, client, SarahsHours.Hour(0), fields);

        var intake = await site.IntakeAsync(id);
        Assert.Equal("lower-back hamstrings-left", intake.Regions);
    }

    [Fact]
    public async Task Without_the_health_consent_the_map_is_not_kept_and_the_review_says_so()
    {
        var client = site.CreatePageClient();

        var (response, key) = await IntakeSteps.PostDetailsAsync(client, SarahsHours.Hour(1), IntakeSteps.Details("lower-back").With("Email", "no-consent@example.com"));
        var review = WebUtility.HtmlDecode(await client.GetStringAsync(BookingSite.Location(response)));
        await new BookingJourney(client).ConfirmAsync(key);

        Assert.Contains("did not tick the consent, so we have not kept them", review);
        var id = await site.WithDbAsync(db => db.PendingBookings.Where(p => p.Key == key).Select(p => p.BookingId!.Value).SingleAsync());
        Assert.Equal("", (await site.IntakeAsync(id)).Regions);
    }

    [Fact]
    public async Task The_details_step_offers_every_region_as_a_labelled_checkbox_beside_the_figure()
    {
        var client = site.CreatePageClient();
        var details = BookingSite.Location(await new BookingJourney(client).ChooseAsync(SarahsHours.Hour(2)));

        var html = await client.GetStringAsync(details);

        Assert.InRange(BodyRegions.All.Count, 30, 40);
        foreach (var region in BodyRegions.All)
        {
            Assert.Contains($"<input type=\"checkbox\" name=\"Regions\" value=\"{region.Code}\" id=\"region-{region.Code}\">", html);
            Assert.Contains($"data-region=\"{region.Code}\"", html);
        }
        Assert.Contains("Left and right are your own", html);
        Assert.Matches("<script src=\"/js/bodymap\\.[a-z0-9]+\\.js\" defer>", html);
    }

    [Fact]
    public void Every_region_an_article_names_is_on_the_body_map()
    {
        var articles = site.Services.GetRequiredService<ArticleCatalog>().Listed;

        var unknown = articles.SelectMany(a => a.Regions.Select(r => (a.Slug, r))).Where(x => !BodyRegions.IsKnown(x.r)).ToList();

        Assert.Contains(articles, a => a.Regions.Count > 0);
        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData(10, "Intensity", "99", "from 0 (no pain) to 10")]
    [InlineData(11, "Intensity", "seven", "from 0 (no pain) to 10")]
    [InlineData(12, "Regions", "spleen", "choose areas from the list")]
    [InlineData(13, "PainWorse", null, "keep what makes it worse to 300 characters")]
    [InlineData(14, "HealthDetails", null, "keep more about your answers to 1000 characters")]
    [InlineData(15, "Answers[clots]", "maybe", "Please choose yes or no.")]
    public async Task Bad_intake_input_gets_a_message_next_to_its_field_and_keeps_the_booking(int hour, string field, string? value, string message)
    {
        var client = site.CreatePageClient();
        var fields = IntakeSteps.Details("lower-back").WithHealth().With(field, value ?? new string('x', 10_000));

        var (response, key) = await IntakeSteps.PostDetailsAsync(client, SarahsHours.Hour(hour), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        var id = field.StartsWith("Answers[", StringComparison.Ordinal) ? "Answers-clots" : field;
        Assert.Contains($"id=\"{id}-error\"", html);
        Assert.Contains("Ann Client", html);
        // The booking in progress is still there: the corrected form goes through.
        var fixedUp = IntakeSteps.Details("lower-back").WithHealth();
        var retry = await client.PostFormAsync("/book/details/" + key, "/book/details/" + key, fixedUp);
        Assert.Equal("/book/review/" + key, BookingSite.Location(retry));
    }
}
