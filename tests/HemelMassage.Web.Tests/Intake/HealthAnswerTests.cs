using HemelMassage.Web.Tests.Support;
using System.Net;
using HemelMassage.Web.Email;
using HemelMassage.Web.Intake;
using HemelMassage.Web.Tests.Booking;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Intake;

/// <summary>
/// One site for the class: each test books hours of its own (<see cref="SarahsHours"/>) under an email of its
/// own, since a returning client's answers are found by email, and looks only at its own booking's rows.
/// </summary>
[Trait("Database", "Both")]
public sealed class HealthAnswerTests(BookingSite site) : IClassFixture<BookingSite>
{
    private static List<KeyValuePair<string, string>> Details(string email, params string[] regions) =>
        IntakeSteps.Details(regions).With("Email", email);

    public static TheoryData<string> Questions() => [.. HealthQuestions.All.Select(q => q.Code)];

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Each_flagging_answer_raises_its_flag_and_alerts_the_clinic_without_refusing_the_booking(string code)
    {
        var client = site.CreatePageClient();

        var start = SarahsHours.Hour(HealthQuestions.All.ToList().FindIndex(q => q.Code == code));
        var id = await IntakeSteps.BookAsync(site, client, start, Details($"flag-{code}@example.com", "lower-back").WithHealth(code));

        var intake = await site.IntakeAsync(id);
        Assert.True(intake.NeedsConversation);
        Assert.Equal(HealthStatus.Answered, intake.Health);
        Assert.Equal([HealthQuestions.Find(code)!.Flag], site.Decrypt(intake)!.Flags);
        var alerts = await site.WithDbAsync(db => db.OutboxMessages.Where(m => m.BookingId == id && m.Kind == EmailKind.ClinicNeedsConversation).ToListAsync());
        var alert = Assert.Single(alerts);
        Assert.DoesNotContain(HealthQuestions.Find(code)!.Flag, alert.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await site.BookingsAtAsync(start));
    }

    [Fact]
    public async Task All_no_answers_raise_no_flag_and_no_alert()
    {
        var client = site.CreatePageClient();

        var id = await IntakeSteps.BookAsync(site, client, SarahsHours.Hour(40), Details("all-no@example.com").WithHealth());

        var intake = await site.IntakeAsync(id);
        Assert.False(intake.NeedsConversation);
        Assert.Empty(site.Decrypt(intake)!.Flags);
        Assert.Equal(HealthConsent.Version, intake.HealthConsentVersion);
        Assert.Equal(BookingSite.Monday.UtcDateTime, intake.HealthConsentAtUtc);
        Assert.False(await site.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.BookingId == id && m.Kind == EmailKind.ClinicNeedsConversation)));
    }

    [Fact]
    public async Task Without_consent_no_health_answer_is_stored_and_the_review_says_they_will_be_asked_in_person()
    {
        var client = site.CreatePageClient();
        var fields = Details("no-consent@example.com", "lower-back").WithHealth("clots", "pregnant")
            .With("HealthConsent", "false").With("PainWorse", "sitting").With("Intensity", "7");

        var (response, key) = await IntakeSteps.PostDetailsAsync(client, SarahsHours.Hour(41), fields);
        var review = WebUtility.HtmlDecode(await client.GetStringAsync(BookingSite.Location(response)));
        var pending = await site.WithDbAsync(db => db.PendingBookings.AsNoTracking().SingleAsync(p => p.Key == key));
        await new BookingJourney(client).ConfirmAsync(key);
        var id = await site.WithDbAsync(db => db.PendingBookings.Where(p => p.Key == key).Select(p => p.BookingId!.Value).SingleAsync());
        var intake = await site.IntakeAsync(id);

        Assert.Contains("your therapist will ask you the health questions in person", review);
        Assert.Contains("did not tick the consent, so we have not kept them", review);
        Assert.Null(pending.ProtectedAnswers);
        Assert.Null(pending.HealthConsentAtUtc);
        Assert.Null(intake.ProtectedAnswers);
        Assert.Null(intake.HealthConsentVersion);
        Assert.False(intake.NeedsConversation);
        Assert.Equal(HealthStatus.AskInPerson, intake.Health);
        Assert.Equal("", intake.Regions);
        Assert.Null(pending.Regions);
        Assert.False(await site.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.BookingId == id && m.Kind == EmailKind.ClinicNeedsConversation)));
    }

    [Fact]
    public async Task Whoever_starts_the_health_questions_answers_every_one_with_a_message_by_each_left_out()
    {
        var client = site.CreatePageClient();
        var fields = Details("left-out@example.com").WithHealth();
        fields.RemoveAll(f => f.Key == "Answers[heart]");

        var (response, _) = await IntakeSteps.PostDetailsAsync(client, SarahsHours.Hour(42), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Answers-heart\">Please answer yes or no.</a>", html);
        Assert.Contains("id=\"Answers-heart-error\"", html);
    }

    [Fact]
    public async Task A_returning_client_who_says_nothing_has_changed_carries_last_answers_forward_unread()
    {
        var client = site.CreatePageClient();
        var first = await IntakeSteps.BookAsync(site, client, SarahsHours.Hour(43), Details("returning@example.com").WithHealth("thinners"));
        var again = Details("returning@example.com", "neck").With("Visit", "returning").With("HealthConsent", "true").With("HealthUnchanged", "true");
        // Signed in to their own page: the mailbox is proven, so the record's answers may be carried forward.
        await Account.AccountSteps.SignInAsync(site, client, "returning@example.com");

        var second = await IntakeSteps.BookAsync(site, client, SarahsHours.Hour(44), again);

        var before = await site.IntakeAsync(first);
        var after = await site.IntakeAsync(second);
        Assert.Equal(HealthStatus.Unchanged, after.Health);
        Assert.Equal(before.ProtectedAnswers, after.ProtectedAnswers);
        Assert.True(after.NeedsConversation);
        Assert.Equal(["Blood thinners"], site.Decrypt(after)!.Flags);
    }

    [Fact]
    public async Task Nothing_has_changed_typed_by_someone_who_only_knows_the_address_carries_no_answers_forward()
    {
        var first = await IntakeSteps.BookAsync(site, site.CreatePageClient(), SarahsHours.Hour(48), Details("known.answers@example.com").WithHealth("thinners"));
        var again = Details("known.answers@example.com", "neck").With("Visit", "returning").With("HealthConsent", "true").With("HealthUnchanged", "true");

        var second = await IntakeSteps.BookAsync(site, site.CreatePageClient(), SarahsHours.Hour(49), again);

        var after = await site.IntakeAsync(second);
        Assert.Equal(HealthStatus.AskInPerson, after.Health);
        Assert.Null(after.ProtectedAnswers);
        Assert.NotNull((await site.IntakeAsync(first)).ProtectedAnswers);
    }

    [Fact]
    public async Task Withdrawing_consent_from_the_booking_link_deletes_that_bookings_health_answers()
    {
        var client = site.CreatePageClient();
        var fields = Details("withdraws@example.com", "calves-left").WithHealth("skin");
        var (response, key) = await IntakeSteps.PostDetailsAsync(client, SarahsHours.Hour(45), fields);
        var done = BookingSite.Location(await new BookingJourney(client).ConfirmAsync(key));
        var manage = Security.SecuritySteps.ManageLink(await client.GetStringAsync(done));
        var id = await site.WithDbAsync(db => db.PendingBookings.Where(p => p.Key == key).Select(p => p.BookingId!.Value).SingleAsync());

        var withdrawn = await client.PostFormAsync(manage, manage + "/withdraw-health-consent", new Dictionary<string, string>());

        Assert.Contains("health answers are deleted", WebUtility.HtmlDecode(await client.GetStringAsync(BookingSite.Location(withdrawn))));
        var intake = await site.IntakeAsync(id);
        Assert.Null(intake.ProtectedAnswers);
        Assert.Null(intake.HealthConsentAtUtc);
        Assert.False(intake.NeedsConversation);
        Assert.Equal("", intake.Regions);
        var reference = await site.WithDbAsync(db => db.Bookings.Where(a => a.Id == id).Select(a => a.Reference).SingleAsync());
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "booking.health-consent-withdrawn" && a.Subject == reference)));
    }

    [Fact]
    public async Task With_consent_but_no_answers_the_review_says_the_questions_will_be_asked_in_person()
    {
        var client = site.CreatePageClient();
        var fields = Details("no-answers@example.com", "neck").With("HealthConsent", "true").With("Intensity", "6");

        var (response, key) = await IntakeSteps.PostDetailsAsync(client, SarahsHours.Hour(46), fields);
        var review = WebUtility.HtmlDecode(await client.GetStringAsync(BookingSite.Location(response)));
        await new BookingJourney(client).ConfirmAsync(key);
        var id = await site.WithDbAsync(db => db.PendingBookings.Where(p => p.Key == key).Select(p => p.BookingId!.Value).SingleAsync());

        Assert.Contains("Not answered online: to be asked in person by your therapist.", review);
        Assert.DoesNotContain("Answered;", review);
        Assert.Equal(HealthStatus.AskInPerson, (await site.IntakeAsync(id)).Health);
    }

    [Fact]
    public async Task With_the_questions_answered_the_review_says_answered()
    {
        var client = site.CreatePageClient();

        var (response, _) = await IntakeSteps.PostDetailsAsync(client, SarahsHours.Hour(47), Details("answered@example.com").WithHealth());

        Assert.Contains("Answered; kept encrypted", WebUtility.HtmlDecode(await client.GetStringAsync(BookingSite.Location(response))));
    }
}
