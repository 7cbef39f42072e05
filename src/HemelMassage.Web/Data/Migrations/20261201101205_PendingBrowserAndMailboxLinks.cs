using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HemelMassage.Web.Data.Migrations
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
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DetailsChecked",
                table: "PendingBookings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NoFollowUp",
                table: "Appointments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "MailboxLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: true),
                    PendingKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
