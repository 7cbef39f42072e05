using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HemelMassage.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PendingBrowserAndMailboxLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BrowserHash",
                table: "PendingBookings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DetailsChecked",
                table: "PendingBookings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NoFollowUp",
                table: "Appointments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "MailboxLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ClientId = table.Column<int>(type: "integer", nullable: true),
                    PendingKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxLinks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxLinks_Email",
                table: "MailboxLinks",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_MailboxLinks_TokenHash",
                table: "MailboxLinks",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailboxLinks");

            migrationBuilder.DropColumn(
                name: "BrowserHash",
                table: "PendingBookings");

            migrationBuilder.DropColumn(
                name: "DetailsChecked",
                table: "PendingBookings");

            migrationBuilder.DropColumn(
                name: "NoFollowUp",
                table: "Appointments");
        }
    }
}
