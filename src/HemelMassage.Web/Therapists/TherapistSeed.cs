using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Therapists;

/// <summary>Three demo therapists with weekday and Saturday hours and lunch breaks, so a fresh site shows times at once.</summary>
public static class TherapistSeed
{
    public static async Task ApplyAsync(ClinicDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Therapists.AnyAsync(cancellationToken))
        {
            return;
        }
        var treatments = await db.Treatments.ToListAsync(cancellationToken);
        db.Therapists.AddRange(
            new Therapist
            {
                Name = "Sarah",
                Bio = "Sports and remedial therapist; runners, gardeners and desk-bound backs.",
                SortOrder = 1,
                Treatments = treatments,
                Hours = Days([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], (9, 0, 13, 0), (14, 0, 18, 0)),
            },
            new Therapist
            {
                Name = "James",
                Bio = "Deep tissue and sports massage; long-standing tension and stiff hips.",
                SortOrder = 2,
                Treatments = [.. treatments.Where(t => t.Slug != "pregnancy")],
                Hours = [
                    .. Days([DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], (11, 0, 15, 0), (15, 30, 20, 0)),
                    .. Days([DayOfWeek.Saturday], (9, 0, 12, 30), (13, 0, 16, 0))],
            },
            new Therapist
            {
                Name = "Priya",
                Bio = "Relaxation, pregnancy and hot stone massage; a calm, gentle hour.",
                SortOrder = 3,
                Treatments = treatments,
                Hours = Days([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Saturday], (9, 30, 12, 30), (13, 30, 17, 30)),
            });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<WorkingHours> Days(DayOfWeek[] days, params (int H1, int M1, int H2, int M2)[] ranges) =>
        [.. days.SelectMany(d => ranges.Select(r => new WorkingHours { Day = d, Start = new TimeOnly(r.H1, r.M1), End = new TimeOnly(r.H2, r.M2) }))];
}
