using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Closures;
using HemelMassage.Web.Therapists;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

/// <summary>
/// October 2026 is seeded once for Sarah (therapist 1): it starts on BST and ends on GMT, so both month
/// boundaries are an hour apart in UTC. The clock stands at Monday 7 December 2026.
/// </summary>
[Trait("Database", "Both")]
public sealed class ReportTests(ReportTests.OctoberSite site) : IClassFixture<ReportTests.OctoberSite>
{
    [Fact]
    public async Task The_month_counts_every_outcome_with_its_rate()
    {
        var page = await OwnerPageAsync("/admin/reports?month=2026-10");

        Assert.Contains("Report: October 2026", page, StringComparison.Ordinal);
        Assert.Contains("Bookings: 7", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Attended</th><td>3</td><td>42.9%</td>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">No-shows</th><td>1</td><td>14.3%</td>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Late cancellations</th><td>1</td><td>14.3%</td>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Not yet marked</th><td>2</td><td>28.6%</td>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Cancelled in time (not counted)</th><td>1</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Income_comes_from_the_price_each_booking_was_made_at()
    {
        var page = await OwnerPageAsync("/admin/reports?month=2026-10");

        Assert.Contains("Income: £175 taken", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Booked, not yet marked</th><td>£120</td>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Lost to no-shows and late cancellations</th><td>£125</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utilisation_is_booked_hours_over_working_hours_less_closures_and_time_off()
    {
        var page = await OwnerPageAsync("/admin/reports?month=2026-10");

        // 22 weekdays of 8 hours, less a 2-day closure, a day off and a 2-hour morning off: 150 hours; 6 of them held.
        Assert.Contains("<th scope=\"row\">Sarah</th><td>6 h</td><td>150 h</td><td>4%</td>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">James</th><td>0 h</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_is_new_when_their_first_booking_ever_is_in_the_period()
    {
        var page = await OwnerPageAsync("/admin/reports?month=2026-10");

        Assert.Contains("Clients: 3", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">New</th><td>2</td><td>66.7%</td>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Returning</th><td>1</td><td>33.3%</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_across_the_month_end_counts_the_days_of_both_months()
    {
        var page = await OwnerPageAsync("/admin/reports?from=2026-10-31&to=2026-11-01");

        Assert.Contains("Report: 31 October 2026 to 1 November 2026", page, StringComparison.Ordinal);
        Assert.Contains("Bookings: 2", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Not yet marked</th><td>2</td><td>100%</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_chart_has_a_title_and_a_description_and_its_figures_in_words()
    {
        var page = await OwnerPageAsync("/admin/reports?month=2026-10");

        Assert.Equal(4, page.Split("<svg class=\"report-chart\" role=\"img\"").Length - 1);
        Assert.Contains("<title id=\"bookings-chart-title\">Bookings by outcome</title>", page, StringComparison.Ordinal);
        Assert.Contains("7 bookings: attended 3 (42.9%), no-shows 1 (14.3%)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_dates_the_report_shows_this_month_by_the_clinics_clock()
    {
        var page = await OwnerPageAsync("/admin/reports");

        Assert.Contains("Report: December 2026", page, StringComparison.Ordinal);
        Assert.Contains("name=\"month\" type=\"month\" value=\"2026-12\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-10-31&to=2026-10-01", "The last day is before the first day")]
    [InlineData("from=banana&to=2026-10-01", "Enter the first day as a date")]
    [InlineData("from=2025-01-01&to=2026-10-01", "A report covers at most 366 days")]
    [InlineData("month=octember", "Enter the month as year and month")]
    public async Task A_range_that_cannot_be_reported_is_a_message_beside_its_field(string query, string message)
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var response = await owner.GetAsync("/admin/reports?" + query);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"class=\"field-error\" id=\"{(query.StartsWith("month", StringComparison.Ordinal) ? "Month" : query.Contains("banana", StringComparison.Ordinal) ? "From" : "To")}-error\">{message}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Bookings:", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Reception")]
    [InlineData("Therapist")]
    public async Task Only_the_owner_may_see_reports(string role)
    {
        var (staff, _) = await site.SignedInAsAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/reports?month=2026-10")).StatusCode);
    }

    private async Task<string> OwnerPageAsync(string url)
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var response = await owner.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    public sealed class OctoberSite : IAsyncLifetime, IDisposable
    {
        private readonly BookingSite _site = new();

        public Task<(HttpClient Client, Web.Staff.StaffUser User)> SignedInAsAsync(string role) => _site.SignedInAsAsync(role);

        public Task InitializeAsync() => _site.WithDbAsync(async db =>
        {
            Client New(string name) => db.Clients.Add(new Client { Name = name, Email = name.ToLowerInvariant() + "@example.com", Phone = "07700 900123", CreatedAtUtc = BookingSite.Monday.UtcDateTime }).Entity;
            var (ann, bea, cat, dot) = (New("Ann"), New("Bea"), New("Cat"), New("Dot"));
            void Book(Client client, string startUtc, BookingStatus status, int pence)
            {
                var b = new Web.Bookings.Booking
                {
                    Reference = Secrets.NewReference(), TherapistId = 1, TreatmentId = 1, Client = client, PricePence = pence, Status = status,
                    IdempotencyKey = Secrets.NewToken(), ManageTokenHash = Secrets.Hash(Secrets.NewToken()), CalendarUid = Guid.NewGuid(),
                    CreatedAtUtc = BookingSite.Monday.UtcDateTime, UpdatedAtUtc = BookingSite.Monday.UtcDateTime,
                };
                b.Move(DateTime.Parse(startUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));
                db.Bookings.Add(b);
            }
            // September: Ann has been before; Cat's only visit then was cancelled in time, so October is her first.
            Book(ann, "2026-09-10T09:00Z", BookingStatus.Arrived, 6000);
            Book(cat, "2026-09-11T09:00Z", BookingStatus.Cancelled, 6000);
            Book(ann, "2026-09-30T22:30Z", BookingStatus.Arrived, 6000); // 23:30 BST on 30 September
            // October.
            Book(bea, "2026-09-30T23:30Z", BookingStatus.Arrived, 6000); // 00:30 BST on 1 October
            Book(ann, "2026-10-06T09:00Z", BookingStatus.Arrived, 6000);
            Book(cat, "2026-10-07T09:00Z", BookingStatus.Arrived, 5500);
            Book(ann, "2026-10-08T09:00Z", BookingStatus.NoShow, 6000);
            Book(bea, "2026-10-09T09:00Z", BookingStatus.LateCancellation, 6500);
            Book(dot, "2026-10-09T09:00Z", BookingStatus.Cancelled, 6000);
            Book(ann, "2026-10-30T10:00Z", BookingStatus.Booked, 6000);
            Book(cat, "2026-10-31T23:30Z", BookingStatus.Booked, 6000); // 23:30 GMT on Saturday 31 October
            // November.
            Book(bea, "2026-11-01T09:00Z", BookingStatus.Booked, 6000);
            db.ClinicClosures.Add(new ClinicClosure { From = new DateOnly(2026, 10, 12), To = new DateOnly(2026, 10, 13), Reason = "Floor sanding" });
            db.TimeOff.Add(new TimeOff { TherapistId = 1, StartUtc = new DateTime(2026, 10, 20, 23, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2026, 10, 21, 23, 0, 0, DateTimeKind.Utc), Reason = "Course" });
            db.TimeOff.Add(new TimeOff { TherapistId = 1, StartUtc = new DateTime(2026, 10, 22, 8, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2026, 10, 22, 10, 0, 0, DateTimeKind.Utc), Reason = "Dentist" });
            return await db.SaveChangesAsync();
        });

        public Task DisposeAsync() => _site.DisposeAsync().AsTask();

        public void Dispose() => _site.Dispose();
    }
}
