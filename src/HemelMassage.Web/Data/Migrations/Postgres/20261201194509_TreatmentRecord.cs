using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HemelMassage.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TreatmentRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TreatmentNotes",
                columns: table => new
                {
                    BookingId = table.Column<int>(type: "integer", nullable: false),
                    ProtectedText = table.Column<string>(type: "text", nullable: false),
                    WrittenByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    WrittenBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    RestrictedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RestrictedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RestrictedReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentNotes", x => x.BookingId);
                    table.ForeignKey(
                        name: "FK_TreatmentNotes_Appointments_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitScores",
                columns: table => new
                {
                    BookingId = table.Column<int>(type: "integer", nullable: false),
                    ProtectedScores = table.Column<string>(type: "text", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RestrictedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitScores", x => x.BookingId);
                    table.ForeignKey(
                        name: "FK_VisitScores_Appointments_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentNoteAmendments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BookingId = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProtectedText = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentNoteAmendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatmentNoteAmendments_TreatmentNotes_BookingId",
                        column: x => x.BookingId,
                        principalTable: "TreatmentNotes",
                        principalColumn: "BookingId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentNoteAmendments_BookingId_AtUtc",
                table: "TreatmentNoteAmendments",
                columns: new[] { "BookingId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TreatmentNoteAmendments");

            migrationBuilder.DropTable(
                name: "VisitScores");

            migrationBuilder.DropTable(
                name: "TreatmentNotes");
        }
    }
}
