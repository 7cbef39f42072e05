using System.ComponentModel.DataAnnotations;
using HemelMassage.Web.Data;
using HemelMassage.Web.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Clients;

/// <summary>Section <c>Privacy</c>: how long clients' notes and treatment records (health information) are kept after their last visit.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    [Range(typeof(TimeSpan), "1.00:00:00", "36500.00:00:00")]
    public TimeSpan NoteRetention { get; set; } = TimeSpan.FromDays(8 * 365 + 2);

    /// <summary>
    /// How long the treatment record (SOAP notes, their amendments, visit pain scores) is kept after the client's last
    /// visit, as therapists' insurers require; an erasure request inside it restricts the record instead of deleting it.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "36500.00:00:00")]
    public TimeSpan ClinicalRecordRetention { get; set; } = TimeSpan.FromDays(8 * 365 + 2);
}

/// <summary>
/// Deletes the notes of clients whose last visit is older than <see cref="PrivacyOptions.NoteRetention"/>, and their treatment
/// records once it is older than <see cref="PrivacyOptions.ClinicalRecordRetention"/>, twice a day.
/// </summary>
public sealed class NoteRetention(
    IServiceScopeFactory scopes, IOptions<PrivacyOptions> options, TimeProvider clock, BackgroundStart backgroundStart, ILogger<NoteRetention> logger)
    : BackgroundService
{
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.NoteRetention;
        var recent = db.Bookings.Where(a => a.StartUtc >= cutoff).Select(a => a.ClientId);
        var deleted = await db.Bookings.Where(a => a.ClientNote != null && a.StartUtc < cutoff && !recent.Contains(a.ClientId))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ClientNote, (string?)null), cancellationToken);
        // Health answers, body-map marks and areas worked follow the same clock as the notes.
        var old = db.Bookings.Where(a => a.StartUtc < cutoff && !recent.Contains(a.ClientId)).Select(a => a.Id);
        deleted += await db.Intakes.Where(i => old.Contains(i.BookingId) && (i.ProtectedAnswers != null || i.Regions != "" || i.WorkedRegions != ""))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ProtectedAnswers, (string?)null).SetProperty(i => i.Regions, "")
                .SetProperty(i => i.WorkedRegions, "").SetProperty(i => i.NeedsConversation, false), cancellationToken);
        // The treatment record (insurers' clinical record) has its own clock, restricted records included: kept until then, deleted after.
        var clinicalCutoff = clock.GetUtcNow().UtcDateTime - options.Value.ClinicalRecordRetention;
        var treated = db.Bookings.Where(a => a.StartUtc >= clinicalCutoff).Select(a => a.ClientId);
        var expired = db.Bookings.Where(a => a.StartUtc < clinicalCutoff && !treated.Contains(a.ClientId)).Select(a => a.Id);
        var records = await db.TreatmentNoteAmendments.Where(n => expired.Contains(n.BookingId)).ExecuteDeleteAsync(cancellationToken);
        records += await db.TreatmentNotes.Where(n => expired.Contains(n.BookingId)).ExecuteDeleteAsync(cancellationToken);
        records += await db.VisitScores.Where(s => expired.Contains(s.BookingId)).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0 || records > 0)
        {
            logger.LogInformation("Deleted {Count} client notes and intakes and {Records} treatment notes, amendments and visit scores past the retention period", deleted, records);
        }
        deleted += records;
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await backgroundStart.WaitAsync(stoppingToken))
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Note retention run failed; it runs again later");
            }
            try
            {
                // A delay rather than a PeriodicTimer: a clock that jumps ahead (after the machine sleeps, or a
                // test's) wakes a delay once, while a periodic timer runs a pass for every 12 hours it missed.
                await Task.Delay(TimeSpan.FromHours(12), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
