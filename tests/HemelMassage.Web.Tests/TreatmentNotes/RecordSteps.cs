using HemelMassage.Web.Intake;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.TreatmentNotes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.TreatmentNotes;

/// <summary>Visits with a consented intake, and their notes and scores, for the treatment-record tests.</summary>
public static class RecordSteps
{
    /// <summary>A booking whose client ticked <paramref name="regions"/> with consent, and scored them at booking.</summary>
    public static async Task<int> VisitAsync(this BookingSite site, string start, string email, int therapistId = 1, string regions = "lower-back glutes-left",
        Dictionary<string, int>? bookingScores = null, string? painSince = null)
    {
        var id = await site.AddBookingAsync(start, therapistId, email, note: null);
        var protector = site.Services.GetRequiredService<HealthAnswerProtector>();
        var answers = new HealthAnswers(new Dictionary<string, bool>(), null, null, null, null, painSince, null, bookingScores);
        await site.WithDbAsync(db =>
        {
            db.Intakes.Add(new BookingIntake
            {
                BookingId = id, Regions = regions, HealthConsentVersion = HealthConsent.Version, HealthConsentAtUtc = BookingSite.Monday.UtcDateTime,
                ProtectedAnswers = protector.Protect(answers),
            });
            return db.SaveChangesAsync();
        });
        return id;
    }

    public static Dictionary<string, string> Note(string s, string o = "Tight hamstrings", string a = "Posterior chain", string p = "Two more visits", int version = 0, bool sign = false) => new()
    {
        ["Subjective"] = s, ["Objective"] = o, ["Assessment"] = a, ["Plan"] = p, ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Sign"] = sign ? "true" : "false",
    };

    public static Task<TreatmentNote?> NoteAsync(this BookingSite site, int id) =>
        site.WithDbAsync(db => db.TreatmentNotes.AsNoTracking().FirstOrDefaultAsync(n => n.BookingId == id));

    public static SoapText? Text(this BookingSite site, TreatmentNote? note) =>
        site.Services.GetRequiredService<ClinicalRecordProtector>().UnprotectNote(note?.ProtectedText);
}
