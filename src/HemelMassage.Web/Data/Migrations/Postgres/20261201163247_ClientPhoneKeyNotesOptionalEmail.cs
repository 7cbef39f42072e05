using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HemelMassage.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClientPhoneKeyNotesOptionalEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The bookings' (ClientId, StartUtc) index, which a client's page also reads, came with BookingPrice.
            migrationBuilder.DropIndex(
                name: "IX_Clients_Email",
                table: "Clients");


            migrationBuilder.AddColumn<string>(
                name: "PhoneKey",
                table: "Clients",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StaffNotes",
                table: "Clients",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            // Existing clients get their phone key by the steps of Clients/PhoneNumbers.Key, in SQL both engines
            // share: the digits only, a leading 0044 or 44 (12 digits or more) made 0, then a doubled 00 made 0.
            migrationBuilder.Sql("""
                UPDATE "Clients" SET "PhoneKey" = replace(replace(replace(replace(replace(replace(replace("Phone", ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''), '/', '');
                UPDATE "Clients" SET "PhoneKey" = '0' || substr("PhoneKey", 5) WHERE substr("PhoneKey", 1, 4) = '0044';
                UPDATE "Clients" SET "PhoneKey" = '0' || substr("PhoneKey", 3) WHERE substr("PhoneKey", 1, 2) = '44' AND length("PhoneKey") >= 12;
                UPDATE "Clients" SET "PhoneKey" = substr("PhoneKey", 2) WHERE substr("PhoneKey", 1, 2) = '00';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Clients_Email",
                table: "Clients",
                column: "Email",
                unique: true,
                filter: "\"Email\" <> ''");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_Name",
                table: "Clients",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_PhoneKey",
                table: "Clients",
                column: "PhoneKey");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clients_Email",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_Name",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_PhoneKey",
                table: "Clients");


            migrationBuilder.DropColumn(
                name: "PhoneKey",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "StaffNotes",
                table: "Clients");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_Email",
                table: "Clients",
                column: "Email",
                unique: true);

        }
    }
}
