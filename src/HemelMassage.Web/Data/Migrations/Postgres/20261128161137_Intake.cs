using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HemelMassage.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Intake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "HealthConsentAtUtc",
                table: "PendingBookings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HealthUnchanged",
                table: "PendingBookings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NeedsConversation",
                table: "PendingBookings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NoFollowUp",
                table: "PendingBookings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedAnswers",
                table: "PendingBookings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Regions",
                table: "PendingBookings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NoFollowUp",
                table: "Clients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Intakes",
                columns: table => new
                {
                    AppointmentId = table.Column<int>(type: "integer", nullable: false),
                    Regions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Health = table.Column<int>(type: "integer", nullable: false),
                    HealthConsentVersion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    HealthConsentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ProtectedAnswers = table.Column<string>(type: "text", nullable: true),
                    NeedsConversation = table.Column<bool>(type: "boolean", nullable: false),
                    WorkedRegions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    WorkedRecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WorkedRecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Intakes", x => x.AppointmentId);
                    table.ForeignKey(
                        name: "FK_Intakes_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Intakes");

            migrationBuilder.DropColumn(
                name: "HealthConsentAtUtc",
                table: "PendingBookings");

            migrationBuilder.DropColumn(
                name: "HealthUnchanged",
                table: "PendingBookings");

            migrationBuilder.DropColumn(
                name: "NeedsConversation",
                table: "PendingBookings");

            migrationBuilder.DropColumn(
                name: "NoFollowUp",
                table: "PendingBookings");

            migrationBuilder.DropColumn(
                name: "ProtectedAnswers",
                table: "PendingBookings");

            migrationBuilder.DropColumn(
                name: "Regions",
                table: "PendingBookings");

            migrationBuilder.DropColumn(
                name: "NoFollowUp",
                table: "Clients");
        }
    }
}
