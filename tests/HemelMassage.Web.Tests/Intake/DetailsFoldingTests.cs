using HemelMassage.Web.Tests.Booking;

namespace HemelMassage.Web.Tests.Intake;

/// <summary>The health questions stay folded behind their consent until needed, also when the page comes back with errors.</summary>
public sealed class DetailsFoldingTests(BookingSite site) : IClassFixture<BookingSite>
{
    private readonly HttpClient _client = site.CreatePageClient();

    [Fact]
    public async Task A_details_page_back_with_an_error_elsewhere_keeps_the_health_questions_folded()
    {
        // As a browser posts the form: the empty health text boxes come too.
        var fields = IntakeSteps.Details().With("Name", "").With("HealthDetails", "").With("AreasToAvoid", "");

        var (response, _) = await IntakeSteps.PostDetailsAsync(_client, "2026-12-15T10:00Z", fields);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Name-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"intake\" id=\"health\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_health_answer_with_an_error_opens_the_health_questions()
    {
        var fields = IntakeSteps.Details().With("HealthConsent", "true").With("Answers[thinners]", "yes").With("Name", "");

        var (response, _) = await IntakeSteps.PostDetailsAsync(_client, "2026-12-15T11:00Z", fields);

        Assert.Contains("<details class=\"intake\" id=\"health\" open=\"open\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_area_list_is_open_without_a_script_and_says_it_may_fold()
    {
        var details = BookingSite.Location(await new BookingJourney(_client).ChooseAsync("2026-12-15T12:00Z"));

        var html = await _client.GetStringAsync(details);

        Assert.Contains("<details class=\"region-details\" id=\"region-list\" open data-fold=\"true\">", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"pain-follow-up\" data-needs-area=\"true\">", html, StringComparison.Ordinal);
    }
}
