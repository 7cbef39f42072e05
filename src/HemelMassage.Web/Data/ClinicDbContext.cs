using HemelMassage.Web.Book;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Closures;
using HemelMassage.Web.Email;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Therapists;
using HemelMassage.Web.TreatmentNotes;
using HemelMassage.Web.Treatments;
using HemelMassage.Web.Waitlist;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Data;

/// <summary>
/// The site's database. This type is the SQLite model and owns the SQLite migrations;
/// <see cref="PostgresClinicDbContext"/> derives from it to own the PostgreSQL ones (one migration set
/// per provider, as EF Core documents), and the rest of the app only ever asks for this type.
/// </summary>
public class ClinicDbContext : IdentityDbContext<StaffUser, IdentityRole, string>
{
    public ClinicDbContext(DbContextOptions<ClinicDbContext> options) : base(options)
    {
    }

    protected ClinicDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Treatment> Treatments => Set<Treatment>();
    public DbSet<Therapist> Therapists => Set<Therapist>();
    public DbSet<WorkingHours> WorkingHours => Set<WorkingHours>();
    public DbSet<TimeOff> TimeOff => Set<TimeOff>();
    public DbSet<ClinicClosure> ClinicClosures => Set<ClinicClosure>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<ClientSearchWord> ClientSearchWords => Set<ClientSearchWord>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<BookingChange> BookingChanges => Set<BookingChange>();
    public DbSet<PendingBooking> PendingBookings => Set<PendingBooking>();
    public DbSet<Intake.BookingIntake> Intakes => Set<Intake.BookingIntake>();
    public DbSet<VisitScores> VisitScores => Set<VisitScores>();
    public DbSet<TreatmentNote> TreatmentNotes => Set<TreatmentNote>();
    public DbSet<TreatmentNoteAmendment> TreatmentNoteAmendments => Set<TreatmentNoteAmendment>();
    public DbSet<Progress.SummaryConsent> SummaryConsents => Set<Progress.SummaryConsent>();
    public DbSet<MailboxLink> MailboxLinks => Set<MailboxLink>();
    public DbSet<CalendarFeeds.CalendarFeed> CalendarFeeds => Set<CalendarFeeds.CalendarFeed>();
    public DbSet<Account.ClientSession> ClientSessions => Set<Account.ClientSession>();
    public DbSet<Plans.TreatmentPlan> Plans => Set<Plans.TreatmentPlan>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<StaffSetupToken> StaffSetupTokens => Set<StaffSetupToken>();

    public DbSet<WaitlistEntry> WaitlistEntries => Set<WaitlistEntry>();
    public DbSet<WaitlistOffer> WaitlistOffers => Set<WaitlistOffer>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ClientSearchIndex.KeepInStep(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await ClientSearchIndex.KeepInStepAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's tables first; our configurations may then refine them.
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ClinicDbContext).Assembly);
    }
}
