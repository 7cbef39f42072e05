using System.Net;
using HemelMassage.Web.Articles;
using HemelMassage.Web.Intake;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Intake;

public sealed class BodyMapTests
{
    [Fact]
    public async Task A_keyboard_only_form_post_stores_the_chosen_regions()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();

        var fields = IntakeSteps.Details("hamstrings-left", "lower-back", "lower-back").With("HealthConsent", "true");

        var id = await IntakeSteps.BookAsync(site, client, "2026-12-08T10:00Z", fields);

        var intake = await site.IntakeAsync(id);
        Assert.Equal("lower-back hamstrings-left", intake.Regions);
    }

    [Fact]
    public async Task Without_the_health_consent_the_map_is_not_kept_and_the_review_says_so()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();

        var (response, key) = await IntakeSteps.PostDetailsAsync(client, "2026-12-08T10:00Z", IntakeSteps.Details("lower-back"));
        var review = WebUtility.HtmlDecode(await client.GetStringAsync(BookingSite.Location(response)));
        await new BookingJourney(client).ConfirmAsync(key);

        Assert.Contains("did not tick the consent, so we have not kept them", review);
        var id = await site.WithDbAsync(db => db.PendingBookings.Where(p => p.Key == key).Select(p => p.BookingId!.Value).SingleAsync());
        Assert.Equal("", (await site.IntakeAsync(id)).Regions);
    }

    [Fact]
    public async Task The_details_step_offers_every_region_as_a_labelled_checkbox_beside_the_figure()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        var details = BookingSite.Location(await new BookingJourney(client).ChooseAsync("2026-12-08T10:00Z"));

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
        using var site = new SiteFactory();
        _ = site.CreatePageClient();
        var articles = site.Services.GetRequiredService<ArticleCatalog>().Listed;

        var unknown = articles.SelectMany(a => a.Regions.Select(r => (a.Slug, r))).Where(x => !BodyRegions.IsKnown(x.r)).ToList();

        Assert.Contains(articles, a => a.Regions.Count > 0);
        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("Intensity", "99", "from 0 (no pain) to 10")]
    [InlineData("Intensity", "seven", "from 0 (no pain) to 10")]
    [InlineData("Regions", "spleen", "choose areas from the list")]
    [InlineData("PainWorse", null, "keep what makes it worse to 300 characters")]
    [InlineData("HealthDetails", null, "keep more about your answers to 1000 characters")]
    [InlineData("Answers[clots]", "maybe", "Please choose yes or no.")]
    public async Task Bad_intake_input_gets_a_message_next_to_its_field_and_keeps_the_booking(string field, string? value, string message)
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        var fields = IntakeSteps.Details("lower-back").WithHealth().With(field, value ?? new string('x', 10_000));

        var (response, key) = await IntakeSteps.PostDetailsAsync(client, "2026-12-08T10:00Z", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        var id = field.StartsWith("Answers[", StringComparison.Ordinal) ? "Answers-clots" : field;
        Assert.Contains($"id=\"{id}-error\"", html);
        Assert.Contains("Ann Client", html);
        // The booking in progress is still there: the corrected form goes through.
        var fixedUp = IntakeSteps.Details("lower-back").WithHealth();
        var page = await client.GetStringAsync("/book/details/" + key);
        fixedUp.Add(KeyValuePair.Create("__RequestVerificationToken", BookingSite.Token(page)));
        var retry = await client.PostAsync("/book/details/" + key, new FormUrlEncodedContent(fixedUp));
        Assert.Equal("/book/review/" + key, BookingSite.Location(retry));
    }
}
