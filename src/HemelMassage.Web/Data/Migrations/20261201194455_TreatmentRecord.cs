using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HemelMassage.Web.Data.Migrations
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
                    BookingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProtectedText = table.Column<string>(type: "TEXT", nullable: false),
                    WrittenByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    RestrictedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RestrictedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RestrictedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
                    BookingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProtectedScores = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RestrictedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookingId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProtectedText = table.Column<string>(type: "TEXT", nullable: false)
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
