using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExamPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AdmissionTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "exam_end_time",
                table: "exam_plans",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "exam_start_time",
                table: "exam_plans",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.CreateTable(
                name: "exam_rooms",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    batch_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    exam_plan_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exam_rooms", x => x.id);
                    table.ForeignKey(
                        name: "fk_exam_rooms_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_exam_rooms_exam_plans_exam_plan_id",
                        column: x => x.exam_plan_id,
                        principalTable: "exam_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "verification_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    secret = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_verification_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "admission_tickets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<int>(type: "integer", nullable: false),
                    exam_plan_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    exam_room_id = table.Column<int>(type: "integer", nullable: false),
                    seat = table.Column<int>(type: "integer", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    first_printed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_printed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    print_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admission_tickets", x => x.id);
                    table.ForeignKey(
                        name: "fk_admission_tickets_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_admission_tickets_exam_plans_exam_plan_id",
                        column: x => x.exam_plan_id,
                        principalTable: "exam_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_admission_tickets_exam_rooms_exam_room_id",
                        column: x => x.exam_room_id,
                        principalTable: "exam_rooms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_admission_tickets_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registrations_id_number",
                table: "registrations",
                column: "id_number");

            migrationBuilder.CreateIndex(
                name: "ix_admission_tickets_batch_id_number",
                table: "admission_tickets",
                columns: new[] { "batch_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_admission_tickets_exam_plan_id_sequence",
                table: "admission_tickets",
                columns: new[] { "exam_plan_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_admission_tickets_exam_room_id_seat",
                table: "admission_tickets",
                columns: new[] { "exam_room_id", "seat" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_admission_tickets_number",
                table: "admission_tickets",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_admission_tickets_registration_id",
                table: "admission_tickets",
                column: "registration_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exam_rooms_batch_id_name",
                table: "exam_rooms",
                columns: new[] { "batch_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exam_rooms_batch_id_sort_order",
                table: "exam_rooms",
                columns: new[] { "batch_id", "sort_order" });

            migrationBuilder.CreateIndex(
                name: "ix_exam_rooms_exam_plan_id",
                table: "exam_rooms",
                column: "exam_plan_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admission_tickets");

            migrationBuilder.DropTable(
                name: "verification_keys");

            migrationBuilder.DropTable(
                name: "exam_rooms");

            migrationBuilder.DropIndex(
                name: "ix_registrations_id_number",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "exam_end_time",
                table: "exam_plans");

            migrationBuilder.DropColumn(
                name: "exam_start_time",
                table: "exam_plans");
        }
    }
}
