using HemelMassage.Web.Bookings;
using HemelMassage.Web.Intake;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.TreatmentNotes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Admin;

/// <summary>
/// A visit as the treatment record holds it: the areas, the scores at booking and at the visit, all sealed as the site
/// seals them, with the areas they score written beside them (<see cref="KeptBeforeMarks"/>: as rows kept before that, without).
/// </summary>
public sealed record SeededVisit(
    string Start, string[] Felt, string[] Worked, int? AtBooking = null, int? Before = null, int? After = null,
    int TherapistId = 1, bool TalkFirst = false, BookingStatus Status = BookingStatus.Arrived, string? SignedNote = null, bool KeptBeforeMarks = false);

public static class ProgressSeeds
{
    /// <summary>Adds the visits for the client with <paramref name="email"/>; each score is for every felt area. Returns the booking ids.</summary>
    public static async Task<List<int>> SeedVisitsAsync(this BookingSite site, string email, string name, params SeededVisit[] visits)
    {
        var answers = site.Services.GetRequiredService<HealthAnswerProtector>();
        var record = site.Services.GetRequiredService<ClinicalRecordProtector>();
        var ids = new List<int>();
        foreach (var v in visits)
        {
            var id = await site.AddBookingAsync(v.Start, v.TherapistId, email, name, note: null);
            ids.Add(id);
            Dictionary<string, int> For(int? score) => score is int s ? v.Felt.ToDictionary(f => f, _ => s) : [];
            await site.WithDbAsync(async db =>
            {
                await db.Bookings.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, v.Status));
                db.Intakes.Add(new BookingIntake
                {
                    BookingId = id, Regions = BodyRegions.Join(v.Felt), WorkedRegions = BodyRegions.Join(v.Worked), Health = HealthStatus.Answered,
                    NeedsConversation = v.TalkFirst, ScoredRegions = v.KeptBeforeMarks ? null : ClinicalRecords.ScoredAreas(For(v.AtBooking)), HealthConsentVersion = "test", HealthConsentAtUtc = BookingSite.Monday.UtcDateTime,
                    ProtectedAnswers = answers.Protect(new HealthAnswers(new Dictionary<string, bool> { ["clots"] = v.TalkFirst }, null, null, null, null, null, null, For(v.AtBooking))),
                });
                if (v.Before is not null || v.After is not null)
                {
                    db.VisitScores.Add(new VisitScores
                    {
                        BookingId = id, ProtectedScores = record.ProtectScores(new ScoreSheet(For(v.Before), For(v.After))),
                        ScoredRegions = v.KeptBeforeMarks ? null : ClinicalRecords.ScoredAreas(For(v.Before), For(v.After)),
                        RecordedAtUtc = BookingSite.Utc(v.Start), RecordedBy = "Sarah",
                    });
                }
                if (v.SignedNote is { } text)
                {
                    db.TreatmentNotes.Add(new TreatmentNote
                    {
                        BookingId = id, ProtectedText = record.ProtectNote(new SoapText(text, "Tight hip flexors", "Pelvis tilted forward", "Three visits, every two weeks")),
                        WrittenBy = "Sarah", WrittenByUserId = "sarah", CreatedAtUtc = BookingSite.Utc(v.Start), UpdatedAtUtc = BookingSite.Utc(v.Start),
                        SignedAtUtc = BookingSite.Utc(v.Start), SignedBy = "Sarah",
                    });
                }
                return await db.SaveChangesAsync();
            });
        }
        return ids;
    }
}
