using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Diary;
using HemelMassage.Web.Intake;
using HemelMassage.Web.Progress;
using HemelMassage.Web.Staff;
using HemelMassage.Web.TreatmentNotes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HemelMassage.Benchmarks;

/// <summary>
/// The treatment record as the Owner reads it: a client's progress over 50 visits (every score decrypted, the figures
/// worked out, the read audited) and a day sheet of 24 bookings whose clients each have 10 earlier visits with scores and
/// signed notes (maps, flags and the review prompt; notes stay sealed, as the sheet does not show them).
/// </summary>
[MemoryDiagnoser]
public class ProgressBenchmarks
{
    private static readonly DateOnly SheetDay = new(2026, 12, 8);
    private readonly IDataProtectionProvider _keys = new EphemeralDataProtectionProvider();
    private BenchClinic _clinic = null!;
    private int _clientId;

    [GlobalSetup]
    public void Setup()
    {
        _clinic = BenchClinic.Empty("progress");
        using var scope = _clinic.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var answers = new HealthAnswerProtector(_keys);
        var record = new ClinicalRecordProtector(_keys);
        var now = BenchClinic.Now.UtcDateTime;
        Booking Visit(Client client, int therapist, DateTime startUtc, int score, bool note)
        {
            var booking = new Booking
            {
                Reference = Secrets.NewReference(), TherapistId = therapist, TreatmentId = 1, PricePence = 6000, Client = client,
                Status = startUtc < now ? BookingStatus.Arrived : BookingStatus.Booked,
                IdempotencyKey = Secrets.NewToken(), ManageTokenHash = Secrets.Hash(Secrets.NewToken()), CalendarUid = Guid.NewGuid(), CreatedAtUtc = now, UpdatedAtUtc = now,
            };
            booking.Move(startUtc);
            db.Bookings.Add(booking);
            db.SaveChanges();
            var felt = new Dictionary<string, int> { ["lower-back"] = score, ["neck"] = 6 };
            db.Intakes.Add(new BookingIntake
            {
                BookingId = booking.Id, Regions = "neck lower-back", WorkedRegions = "glutes-left glutes-right hamstrings-left", Health = HealthStatus.Answered,
                ScoredRegions = ClinicalRecords.ScoredAreas(felt),
                ProtectedAnswers = answers.Protect(new HealthAnswers(new Dictionary<string, bool> { ["clots"] = false }, "Desk job", null, null, score, "Two years", "Sitting", felt)),
            });
            db.VisitScores.Add(new VisitScores
            {
                BookingId = booking.Id, RecordedAtUtc = startUtc, RecordedBy = "Sarah", ProtectedScores = record.ProtectScores(new ScoreSheet(felt, felt)),
                ScoredRegions = ClinicalRecords.ScoredAreas(felt, felt),
            });
            if (note)
            {
                db.TreatmentNotes.Add(new TreatmentNote
                {
                    BookingId = booking.Id, ProtectedText = record.ProtectNote(new SoapText(new string('s', 400), new string('o', 400), new string('a', 300), new string('p', 200))),
                    WrittenBy = "Sarah", WrittenByUserId = "sarah", CreatedAtUtc = now, UpdatedAtUtc = now, SignedAtUtc = now, SignedBy = "Sarah",
                });
            }
            return booking;
        }
        DateTime At(DateOnly day, int hour) => ClinicTime.ToUtc(day.ToDateTime(new TimeOnly(hour, 0)));
        var progress = new Client { Name = "Fifty Visits", Email = "fifty@example.com", Phone = "07700 900050", CreatedAtUtc = now };
        for (var i = 0; i < 50; i++)
        {
            Visit(progress, 1, At(SheetDay.AddDays(-7 * (50 - i)), 7), 8 - i % 5, note: true);
        }
        for (var c = 0; c < 24; c++)
        {
            var client = new Client { Name = $"Sheet Client {c}", Email = $"sheet{c}@example.com", Phone = "07700 900100", CreatedAtUtc = now };
            var (therapist, hour) = (1 + c % 3, 9 + c / 3);
            for (var k = 10; k >= 1; k--)
            {
                Visit(client, therapist, At(SheetDay.AddDays(-7 * k), hour), 6, note: true);
            }
            Visit(client, therapist, At(SheetDay, hour), 6, note: false);
        }
        db.SaveChanges();
        _clientId = progress.Id;
    }

    [GlobalCleanup]
    public void Cleanup() => _clinic.Dispose();

    [Benchmark]
    public async Task<int> Progress_of_a_client_with_50_visits()
    {
        await using var scope = _clinic.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var records = new ClinicalRecords(db, new ClinicalRecordProtector(_keys), new HealthAnswerProtector(_keys), Audit(db));
        var visits = await records.ReadAsync(_clientId, includeRestricted: true, default);
        return ClientProgress.Of(visits, 3).Areas.Sum(a => a.Visits.Count);
    }

    [Benchmark]
    public async Task<int> Day_sheet_of_24_bookings_with_notes()
    {
        await using var scope = _clinic.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var owner = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, StaffRoles.Owner)], "bench"));
        var http = new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = owner } };
        var audit = new AuditLog(db, TimeProvider.System, http);
        var answers = new HealthAnswerProtector(_keys);
        var reviews = new ReviewPrompts(new ClinicalRecords(db, new ClinicalRecordProtector(_keys), answers, audit), audit, Options.Create(new TreatmentOptions()));
        var diary = new DiaryQueries(db, new StaffViewer(db, http), TimeProvider.System, new IntakeRecords(db, answers, audit, TimeProvider.System), reviews);
        var page = await diary.PageAsync(SheetDay, week: false, null, default);
        return page.Days.Sum(d => d.Entries.Count(e => e.Review is not null));
    }

    private static AuditLog Audit(ClinicDbContext db) => new(db, TimeProvider.System, new HttpContextAccessor());
}
