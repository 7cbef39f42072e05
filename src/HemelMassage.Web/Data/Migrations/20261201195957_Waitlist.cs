using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HemelMassage.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Waitlist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WaitlistEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TreatmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    TherapistId = table.Column<int>(type: "INTEGER", nullable: true),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Times = table.Column<int>(type: "INTEGER", nullable: false),
                    Weekdays = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    JoinedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeaveTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BookingId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitlistEntries", x => x.Id);
                    table.CheckConstraint("CK_WaitlistEntries_FromNotAfterTo", "\"FromDate\" <= \"ToDate\"");
                    table.ForeignKey(
                        name: "FK_WaitlistEntries_Appointments_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WaitlistEntries_Therapists_TherapistId",
                        column: x => x.TherapistId,
                        principalTable: "Therapists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WaitlistEntries_Treatments_TreatmentId",
                        column: x => x.TreatmentId,
                        principalTable: "Treatments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WaitlistOffers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    TherapistId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OfferedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HeldUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OfferedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    BookingId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitlistOffers", x => x.Id);
                    table.CheckConstraint("CK_WaitlistOffers_HeldAfterOffered", "\"HeldUntilUtc\" > \"OfferedAtUtc\"");
                    table.ForeignKey(
                        name: "FK_WaitlistOffers_Appointments_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WaitlistOffers_Therapists_TherapistId",
                        column: x => x.TherapistId,
                        principalTable: "Therapists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WaitlistOffers_WaitlistEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "WaitlistEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_BookingId",
                table: "WaitlistEntries",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_Email_State",
                table: "WaitlistEntries",
                columns: new[] { "Email", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_LeaveTokenHash",
                table: "WaitlistEntries",
                column: "LeaveTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_State_EndsAtUtc",
                table: "WaitlistEntries",
                columns: new[] { "State", "EndsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_State_FromDate_ToDate",
                table: "WaitlistEntries",
                columns: new[] { "State", "FromDate", "ToDate" });

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_TherapistId",
                table: "WaitlistEntries",
                column: "TherapistId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_TreatmentId",
                table: "WaitlistEntries",
                column: "TreatmentId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_Waiting_JoinedAtUtc",
                table: "WaitlistEntries",
                columns: new[] { "JoinedAtUtc", "Id" },
                filter: "\"State\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistOffers_BookingId",
                table: "WaitlistOffers",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistOffers_ClaimTokenHash",
                table: "WaitlistOffers",
                column: "ClaimTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistOffers_Held_HeldUntilUtc",
                table: "WaitlistOffers",
                column: "HeldUntilUtc",
                filter: "\"State\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistOffers_Held_StartUtc",
                table: "WaitlistOffers",
                columns: new[] { "StartUtc", "HeldUntilUtc" },
                filter: "\"State\" = 1");

            migrationBuilder.CreateIndex(
                name: "UX_WaitlistOffers_EntryId_StartUtc",
                table: "WaitlistOffers",
                columns: new[] { "EntryId", "StartUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_WaitlistOffers_Held_TherapistId_StartUtc",
                table: "WaitlistOffers",
                columns: new[] { "TherapistId", "StartUtc" },
                unique: true,
                filter: "\"State\" = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WaitlistOffers");

            migrationBuilder.DropTable(
                name: "WaitlistEntries");
        }
    }
}
