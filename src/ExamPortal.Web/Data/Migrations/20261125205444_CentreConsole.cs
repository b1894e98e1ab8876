using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExamPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CentreConsole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_key",
                table: "registrations",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "suspended_at",
                table: "institutions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "suspended_by_user_id",
                table: "institutions",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "suspension_reason",
                table: "institutions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "person_key",
                table: "audit_entries",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "registration_id",
                table: "audit_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "venues",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venues", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "venue_rooms",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    venue_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venue_rooms", x => x.id);
                    table.ForeignKey(
                        name: "fk_venue_rooms_venues_venue_id",
                        column: x => x.venue_id,
                        principalTable: "venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The audit trail is append-only in the database too, whatever code or console reaches it.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP;
                END;
                $$;
                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                """);

            migrationBuilder.CreateIndex(
                name: "ix_registrations_batch_id_created_at",
                table: "registrations",
                columns: new[] { "batch_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_registrations_id_number_key",
                table: "registrations",
                column: "id_number_key");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_name",
                table: "institutions",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_action_at",
                table: "audit_entries",
                columns: new[] { "action", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_user_id_at",
                table: "audit_entries",
                columns: new[] { "actor_user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_person_key_at",
                table: "audit_entries",
                columns: new[] { "person_key", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_registration_id_at",
                table: "audit_entries",
                columns: new[] { "registration_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_venue_rooms_venue_id_name",
                table: "venue_rooms",
                columns: new[] { "venue_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_venues_name",
                table: "venues",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER audit_entries_append_only ON audit_entries;
                DROP FUNCTION audit_entries_append_only();
                """);

            migrationBuilder.DropTable(
                name: "venue_rooms");

            migrationBuilder.DropTable(
                name: "venues");

            migrationBuilder.DropIndex(
                name: "ix_registrations_batch_id_created_at",
                table: "registrations");

            migrationBuilder.DropIndex(
                name: "ix_registrations_id_number_key",
                table: "registrations");

            migrationBuilder.DropIndex(
                name: "ix_institutions_name",
                table: "institutions");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_action_at",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_actor_user_id_at",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_person_key_at",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_registration_id_at",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "id_number_key",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "suspended_at",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "suspended_by_user_id",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "suspension_reason",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "person_key",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "registration_id",
                table: "audit_entries");
        }
    }
}
