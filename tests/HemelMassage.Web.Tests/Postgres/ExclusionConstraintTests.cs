using System.Data.Common;
using System.Net;
using HemelMassage.Web.Data;
using HemelMassage.Web.Data.Migrations.Postgres;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HemelMassage.Web.Tests.Postgres;

/// <summary>
/// On PostgreSQL the database itself refuses overlapping active bookings of one therapist (an exclusion
/// constraint on the booked hour) and any booking that is not one hour, whatever code or tool writes the row.
/// </summary>
public sealed class ExclusionConstraintTests
{
    [PostgresTheory]
    [InlineData("2026-12-08 09:01:00", 1, 1, false)]
    [InlineData("2026-12-08 09:59:00", 1, 1, false)]
    [InlineData("2026-12-08 10:00:00", 1, 1, false)]
    [InlineData("2026-12-08 10:30:00", 1, 1, false)]
    [InlineData("2026-12-08 10:59:00", 1, 1, false)]
    [InlineData("2026-12-08 09:00:00", 1, 1, true)]
    [InlineData("2026-12-08 11:00:00", 1, 1, true)]
    [InlineData("2026-12-08 10:30:00", 2, 1, true)]
    [InlineData("2026-12-08 10:30:00", 1, 2, true)]
    public async Task A_row_written_by_hand_that_overlaps_an_active_booking_of_the_same_therapist_is_refused(string start, int therapistId, int status, bool allowed)
    {
        using var site = SiteOnPostgres();
        await site.AddBookingAsync("2026-12-08T10:00Z");

        var insert = () => InsertAsync(site, start, 60, therapistId, status);

        if (allowed)
        {
            Assert.Equal(1, await insert());
        }
        else
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(insert);
            // The same start meets the unique index first; every other overlap only the exclusion constraint.
            Assert.Equal(
                start == "2026-12-08 10:00:00" ? (PostgresErrorCodes.UniqueViolation, "UX_Appointments_Active_TherapistId_StartUtc") : (PostgresErrorCodes.ExclusionViolation, OverlapExclusion.ConstraintName),
                (refused.SqlState, refused.ConstraintName));
        }
    }

    [PostgresTheory]
    [InlineData(30)]
    [InlineData(61)]
    public async Task A_row_written_by_hand_that_is_not_one_hour_is_refused(int minutes)
    {
        using var site = SiteOnPostgres();
        _ = site.CreatePageClient();
        await site.AddBookingAsync("2026-12-08T12:00Z");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => InsertAsync(site, "2026-12-08 10:00:00", minutes, 1, 1));

        Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
    }

    /// <summary>
    /// 10:00 and 11:00 do not overlap, so no constraint can refuse the second, but the changeover (15 minutes)
    /// forbids it. Under READ COMMITTED both confirms would see neither booking; the write transaction's
    /// advisory lock makes them take turns, as BEGIN IMMEDIATE does on SQLite.
    /// </summary>
    [PostgresFact]
    public async Task Simultaneous_confirms_for_back_to_back_hours_of_one_therapist_keep_the_changeover()
    {
        using var site = SiteOnPostgres();
        var client = site.CreatePageClient();
        var keys = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            keys.Add(await site.PendingAsync(client, i % 2 == 0 ? "2026-12-08T10:00Z" : "2026-12-08T11:00Z", email: $"client{i}@example.com"));
        }
        var token = Forms.Token(await client.GetStringAsync("/book/review/" + keys[0]));

        var responses = await Task.WhenAll(keys.Select(key => client.PostWithTokenAsync("/book/review/" + key, token)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var locations = responses.Select(BookingSite.Location).ToList();
        Assert.Single(locations, l => l.StartsWith("/book/done/", StringComparison.Ordinal));
        Assert.Equal(19, locations.Count(l => l.Contains("problem=taken", StringComparison.Ordinal)));
        Assert.Equal(1, await site.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    /// <summary>
    /// Another writer (a second instance, a script) books 10:30 between the app's check and its insert of
    /// 10:00: the exclusion constraint refuses the insert and the client hears "just taken", not an error.
    /// </summary>
    [PostgresFact]
    public async Task A_booking_refused_by_the_exclusion_constraint_tells_the_client_the_time_was_just_taken()
    {
        using var site = new BookingSite();
        var rival = new RivalBooksFirst(site.EnsurePostgresDatabase());
        site.WithServices(services => services.ConfigureDbContext<PostgresClinicDbContext>(db => db.AddInterceptors(rival)));
        var client = site.CreatePageClient();
        await site.AddBookingAsync("2026-12-09T10:00Z", therapistId: 2);
        var key = await site.PendingAsync(client, "2026-12-08T10:00Z");
        var token = Forms.Token(await client.GetStringAsync("/book/review/" + key));
        rival.Armed = true;

        var response = await client.PostWithTokenAsync("/book/review/" + key, token);

        Assert.True(rival.Booked);
        Assert.Contains("problem=taken", BookingSite.Location(response), StringComparison.Ordinal);
        var page = await client.GetStringAsync(BookingSite.Location(response));
        Assert.Contains("Sorry, that time has just been taken", page, StringComparison.Ordinal);
        Assert.Equal(0, await site.BookingsAtAsync("2026-12-08T10:00Z"));
    }

    /// <summary>Just before the app inserts a booking, commits an overlapping one (10:30, therapist 1) on its own connection.</summary>
    private sealed class RivalBooksFirst(string connectionString) : DbCommandInterceptor
    {
        public bool Armed { get; set; }

        public bool Booked { get; private set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Armed && !Booked && command.CommandText.Contains("INSERT INTO \"Appointments\"", StringComparison.Ordinal))
            {
                Booked = true;
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO \"Appointments\" (\"Reference\", \"TherapistId\", \"TreatmentId\", \"ClientId\", \"StartUtc\", \"EndUtc\", \"Status\", \"FirstVisit\", " +
                    "\"IdempotencyKey\", \"ManageTokenHash\", \"CalendarUid\", \"CalendarSequence\", \"CreatedAtUtc\", \"UpdatedAtUtc\", \"Version\") " +
                    "SELECT 'RIVAL', 1, 1, \"Id\", timestamptz '2026-12-08 10:30+00', timestamptz '2026-12-08 11:30+00', 1, false, " +
                    "'rival', 'rival', gen_random_uuid(), 0, now(), now(), 0 FROM \"Clients\" LIMIT 1", connection);
                Assert.Equal(1, await insert.ExecuteNonQueryAsync(cancellationToken));
            }
            return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private static BookingSite SiteOnPostgres()
    {
        var site = new BookingSite();
        site.OnPostgres();
        return site;
    }

    private static Task<int> InsertAsync(BookingSite site, string start, int minutes, int therapistId, int status)
    {
        var startUtc = DateTime.SpecifyKind(DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        return site.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Appointments" ("Reference", "TherapistId", "TreatmentId", "ClientId", "StartUtc", "EndUtc", "Status", "FirstVisit",
                "IdempotencyKey", "ManageTokenHash", "CalendarUid", "CalendarSequence", "CreatedAtUtc", "UpdatedAtUtc", "Version")
            SELECT 'BYHAND', {therapistId}, 1, "Id", {startUtc}, {startUtc} + make_interval(mins => {minutes}), {status}, false,
                'by-hand', 'by-hand', gen_random_uuid(), 0, now(), now(), 0
            FROM "Clients" LIMIT 1
            """));
    }
}
