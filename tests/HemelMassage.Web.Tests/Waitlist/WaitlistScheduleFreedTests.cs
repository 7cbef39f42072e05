using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using HemelMassage.Web.Waitlist;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Waitlist;

/// <summary>
/// Hours freed by the Owner's schedule (time off removed, a closure lifted) go to the waitlist, through the outbox,
/// but only the hours every other rule still allows. Each test's entries and days are its own (the week of 14 and
/// of 19 December), so the two share one site.
/// </summary>
[Trait("Database", "Both")]
public sealed class WaitlistScheduleFreedTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task Removing_time_off_offers_its_morning_hours_to_the_first_to_join_and_not_those_still_inside_a_closure()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");
        await owner.PostFormAsync("/admin/therapists/1", "/admin/therapists/1/time-off", new() { ["TimeOff.From"] = "2026-12-14", ["TimeOff.To"] = "2026-12-15", ["TimeOff.Reason"] = "Course" });
        await owner.PostFormAsync("/admin/closures", "/admin/closures", new() { ["Form.From"] = "2026-12-15", ["Form.To"] = "2026-12-15", ["Form.Reason"] = "Boiler" });
        await AddEntryAsync("mona.first@example.com", therapistId: 1, "2026-12-14", "2026-12-15", DayParts.Mornings);
        await AddEntryAsync("mona.second@example.com", therapistId: 1, "2026-12-14", "2026-12-15", DayParts.Mornings);
        Assert.Empty(await OffersToAsync("mona.first@example.com"));

        var timeOff = await site.WithDbAsync(db => db.TimeOff.Where(t => t.TherapistId == 1 && t.Reason == "Course").Select(t => t.Id).SingleAsync());
        await owner.PostFormAsync("/admin/therapists/1", $"/admin/therapists/1/time-off/{timeOff}/remove", []);

        var offers = await OffersToAsync("mona.first@example.com");
        Assert.NotEmpty(offers);
        // Sarah's Monday mornings (09:00 to 13:00, so hours starting before noon); Tuesday is still closed.
        Assert.All(offers, o => Assert.Equal((new DateOnly(2026, 12, 14), 1), (DateOnly.FromDateTime(ClinicTime.ToLocal(o.StartUtc)), o.TherapistId)));
        Assert.All(offers, o => Assert.True(ClinicTime.ToLocal(o.StartUtc).Hour < 12));
        Assert.Contains(offers, o => o.StartUtc == new DateTime(2026, 12, 14, 9, 0, 0, DateTimeKind.Utc));
        await AssertOneEmailEachAsync(offers, "mona.first@example.com");
        Assert.Empty(await OffersToAsync("mona.second@example.com"));
    }

    [Fact]
    public async Task Lifting_a_closure_offers_the_hours_of_those_who_work_that_day_and_none_still_inside_another_closure()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");
        await owner.PostFormAsync("/admin/closures", "/admin/closures", new() { ["Form.From"] = "2026-12-19", ["Form.To"] = "2026-12-19", ["Form.Reason"] = "Stocktake" });
        await owner.PostFormAsync("/admin/closures", "/admin/closures", new() { ["Form.From"] = "2026-12-21", ["Form.To"] = "2026-12-21", ["Form.Reason"] = "Painting" });
        // Sarah does not work on Saturdays; James and Priya do.
        await AddEntryAsync("sam.sarah@example.com", therapistId: 1, "2026-12-19", "2026-12-21", DayParts.None);
        await AddEntryAsync("ann.anyone@example.com", therapistId: null, "2026-12-19", "2026-12-21", DayParts.None);

        var closure = await site.WithDbAsync(db => db.ClinicClosures.Where(c => c.Reason == "Stocktake").Select(c => c.Id).SingleAsync());
        await owner.PostFormAsync("/admin/closures", $"/admin/closures/{closure}/remove", []);

        Assert.Empty(await OffersToAsync("sam.sarah@example.com"));
        var offers = await OffersToAsync("ann.anyone@example.com");
        Assert.NotEmpty(offers);
        Assert.All(offers, o => Assert.Equal(new DateOnly(2026, 12, 19), DateOnly.FromDateTime(ClinicTime.ToLocal(o.StartUtc))));
        Assert.DoesNotContain(offers, o => o.TherapistId == 1);
        await AssertOneEmailEachAsync(offers, "ann.anyone@example.com");
    }

    private Task<List<WaitlistOffer>> OffersToAsync(string email) =>
        site.WithDbAsync(db => db.WaitlistOffers.AsNoTracking().Where(o => o.Entry!.Email == email && o.State == OfferState.Offered).OrderBy(o => o.StartUtc).ToListAsync());

    /// <summary>Each offer's email, with its claim link, waits in the outbox for the entry: one each.</summary>
    private async Task AssertOneEmailEachAsync(List<WaitlistOffer> offers, string email)
    {
        var keys = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == EmailKind.WaitlistOffer && m.ToAddress == email).Select(m => m.ReminderKey).ToListAsync());
        Assert.Equal(offers.Select(o => WaitlistEmails.OfferKey(o.Id)).Order(), keys.Order());
    }

    private Task<int> AddEntryAsync(string email, int? therapistId, string from, string to, DayParts times) =>
        site.WithDbAsync(async db =>
        {
            var last = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture);
            var entry = new WaitlistEntry
            {
                TreatmentId = 1, TherapistId = therapistId, Times = times,
                FromDate = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), ToDate = last,
                EndsAtUtc = last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                Name = "Wendy Waiting", Email = email, Phone = "07700 900456",
                // The stopped clock: entries join in the order they are added.
                JoinedAtUtc = site.Clock.GetUtcNow().UtcDateTime, LeaveTokenHash = Secrets.Hash(Secrets.NewToken()),
            };
            db.WaitlistEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
}
