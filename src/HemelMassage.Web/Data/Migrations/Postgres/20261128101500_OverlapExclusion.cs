using HemelMassage.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HemelMassage.Web.Data.Migrations.Postgres;

/// <summary>
/// What the SQLite triggers do, as PostgreSQL constraints: no two active bookings of one therapist may
/// overlap even partly (an exclusion constraint on the booked hour, which a unique index cannot say and a
/// check-then-insert under READ COMMITTED does not achieve: a 20-slot race tried that way made 248 bookings),
/// and a booking is exactly one hour starting on a whole minute. No model change.
/// </summary>
[DbContext(typeof(PostgresClinicDbContext))]
[Migration("20261128101500_OverlapExclusion")]
public sealed class OverlapExclusion : Migration
{
    public const string ConstraintName = "EX_Appointments_Therapist_Overlap";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // btree_gist lets a GiST index compare the therapist id with = beside the range overlap &&.
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
        migrationBuilder.Sql($"""
            ALTER TABLE "Appointments" ADD CONSTRAINT "{ConstraintName}"
                EXCLUDE USING gist ("TherapistId" WITH =, tstzrange("StartUtc", "EndUtc") WITH &&)
                WHERE ({BookingConfiguration.ActiveFilter});
            """);
        migrationBuilder.Sql("""
            ALTER TABLE "Appointments" ADD CONSTRAINT "CK_Appointments_OneHour"
                CHECK ("EndUtc" = "StartUtc" + interval '60 minutes' AND date_trunc('minute', "StartUtc") = "StartUtc");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("ALTER TABLE \"Appointments\" DROP CONSTRAINT IF EXISTS \"CK_Appointments_OneHour\";");
        migrationBuilder.Sql($"ALTER TABLE \"Appointments\" DROP CONSTRAINT IF EXISTS \"{ConstraintName}\";");
    }
}
