using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Treatments;

/// <summary>The clinic's treatments on first run. Staff edit them later; this never overwrites.</summary>
public static class TreatmentSeed
{
    public static async Task ApplyAsync(ClinicDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Treatments.AnyAsync(cancellationToken))
        {
            return;
        }
        db.Treatments.AddRange(
            new Treatment
            {
                Slug = "sports-and-remedial",
                Name = "Sports and remedial massage",
                Suits = "Aches, stiffness and niggling injuries, whether you run, play, garden or sit at a desk all day.",
                Description = "Firm, focused work on the muscles that are tight or overworked, and on the ones that pull on them: for a sore lower back that means your hamstrings, glutes and hips too. Includes simple stretches to keep the benefit going.",
                PricePence = 6000,
                SortOrder = 1,
            },
            new Treatment
            {
                Slug = "deep-tissue",
                Name = "Deep tissue massage",
                Suits = "Long-standing tension and knots, for people who like a firm pressure.",
                Description = "Slow, deep pressure that works through the layers of muscle and fascia. Your therapist checks the pressure with you throughout; deep never has to mean painful.",
                PricePence = 6000,
                SortOrder = 2,
            },
            new Treatment
            {
                Slug = "swedish-relaxation",
                Name = "Swedish relaxation massage",
                Suits = "Stress, poor sleep and general tension, or simply an hour for yourself.",
                Description = "Long, flowing strokes over the whole body at a gentle to medium pressure, to calm the nervous system and ease everyday tightness.",
                PricePence = 5500,
                SortOrder = 3,
            },
            new Treatment
            {
                Slug = "pregnancy",
                Name = "Pregnancy massage",
                Suits = "Mums-to-be from the second trimester, with aching backs, hips and legs.",
                Description = "Given lying on your side with plenty of support. Eases the back, hips and legs as your posture changes. Please tell us about any complications when you book.",
                PricePence = 6000,
                SortOrder = 4,
            },
            new Treatment
            {
                Slug = "hot-stones",
                Name = "Hot stone massage",
                Suits = "Anyone who feels the cold or finds it hard to let go of tension.",
                Description = "Warm basalt stones and hands together: the warmth helps muscles soften so the massage can work more deeply with less pressure.",
                PricePence = 6500,
                SortOrder = 5,
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
