using HemelMassage.Web.Booking;
using HemelMassage.Web.Email;
using HemelMassage.Web.Treatments;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Data;

public sealed class ClinicDbContext(DbContextOptions<ClinicDbContext> options) : DbContext(options)
{
    public DbSet<Treatment> Treatments => Set<Treatment>();
    public DbSet<Therapist> Therapists => Set<Therapist>();
    public DbSet<WorkingHours> WorkingHours => Set<WorkingHours>();
    public DbSet<TimeOff> TimeOff => Set<TimeOff>();
    public DbSet<ClinicClosure> ClinicClosures => Set<ClinicClosure>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentChange> AppointmentChanges => Set<AppointmentChange>();
    public DbSet<PendingBooking> PendingBookings => Set<PendingBooking>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ClinicDbContext).Assembly);
}
