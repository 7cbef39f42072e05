using System.Net;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Intake;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.TreatmentNotes;

/// <summary>The details step of /book: a 0-10 score for each ticked area, kept only with consent.</summary>
public sealed class BookingScoresTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task Each_area_of_the_map_has_a_labelled_score_select_that_the_tick_reveals()
    {
        var browser = site.CreatePageClient();
        var details = BookingSite.Location(await new BookingJourney(browser).ChooseAsync("2026-12-09T10:00Z"));
        var html = await browser.GetStringAsync(details);

        Assert.Contains("<label for=\"AreaScores-lower-back\">Lower back</label>", html);
        Assert.Contains("<select id=\"AreaScores-lower-back\" name=\"AreaScores[lower-back]\"", html);
        var css = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "src", "HemelMassage.Web", "wwwroot", "css", "site.css"));
        Assert.All(HemelMassage.Web.Intake.BodyRegions.All, r => Assert.Contains($"#where:has(#region-{r.Code}:checked) [data-score-for=\"{r.Code}\"]", css));
    }

    [Fact]
    public async Task A_score_outside_0_to_10_gets_a_message_beside_its_area_and_a_score_of_an_unticked_area_is_dropped()
    {
        var browser = site.CreatePageClient();
        var fields = IntakeSteps.Details("lower-back").With("HealthConsent", "true").With("AreaScores[lower-back]", "12");

        var (bad, _) = await IntakeSteps.PostDetailsAsync(browser, "2026-12-08T11:00Z", fields);
        var id = await IntakeSteps.BookAsync(site, site.CreatePageClient(), "2026-12-08T12:00Z",
            IntakeSteps.Details("lower-back").With("HealthConsent", "true").With("AreaScores[lower-back]", "4").With("AreaScores[neck]", "9"));
        var withoutConsent = await IntakeSteps.BookAsync(site, site.CreatePageClient(), "2026-12-09T11:00Z",
            IntakeSteps.Details("lower-back").With("AreaScores[lower-back]", "4"));

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("<p class=\"field-error\" id=\"AreaScores-lower-back-error\">Please give how strong your lower back feels", html);
        var kept = site.Decrypt(await site.IntakeAsync(id))!.AreaScores!;
        Assert.Equal(4, kept["lower-back"]);
        Assert.False(kept.ContainsKey("neck"));
        Assert.Equal("lower-back", (await site.IntakeAsync(id)).ScoredRegions);
        Assert.Null((await site.IntakeAsync(withoutConsent)).ProtectedAnswers);
    }
}
