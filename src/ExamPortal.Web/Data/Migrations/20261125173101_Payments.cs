using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExamPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_registrations_one_live_per_person_per_batch",
                table: "registrations");

            migrationBuilder.AddColumn<string>(
                name: "cancel_reason",
                table: "registrations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cancelled_from",
                table: "registrations",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "payment_confirmed_at",
                table: "registrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "payment_id",
                table: "registrations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payment_return_reason",
                table: "registrations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "transferred_from_id",
                table: "registrations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "transferred_to_id",
                table: "registrations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cancellation_reason",
                table: "exam_plans",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancelled_at",
                table: "exam_plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cancelled_by_user_id",
                table: "exam_plans",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "carry_over_review",
                table: "exam_plans",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    actor_role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "correction_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    current_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    current_id_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requested_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    requested_id_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requested_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correction_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_correction_requests_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payee_accounts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    payee_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    account_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    bank_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payee_accounts", x => x.id);
                    table.CheckConstraint("ck_payee_accounts_single_row", "id = 1");
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    candidate_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    institution_id = table.Column<int>(type: "integer", nullable: true),
                    batch_id = table.Column<int>(type: "integer", nullable: false),
                    registration_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    receipt_file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    expected_amount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    head_count = table.Column<int>(type: "integer", nullable: false),
                    transfer_date = table.Column<DateOnly>(type: "date", nullable: false),
                    bank_serial_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    paid_by_other = table.Column<bool>(type: "boolean", nullable: false),
                    remark = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    return_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => x.id);
                    table.ForeignKey(
                        name: "fk_payments_asp_net_users_candidate_user_id",
                        column: x => x.candidate_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payments_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payments_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payments_stored_files_receipt_file_id",
                        column: x => x.receipt_file_id,
                        principalTable: "stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registrations_exam_plan_id_status",
                table: "registrations",
                columns: new[] { "exam_plan_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_registrations_payment_id",
                table: "registrations",
                column: "payment_id");

            migrationBuilder.CreateIndex(
                name: "ux_registrations_one_live_per_person_per_batch",
                table: "registrations",
                columns: new[] { "batch_id", "id_document_type", "id_number" },
                unique: true,
                filter: "status NOT IN ('Rejected', 'ReturnExpired', 'Abandoned', 'Cancelled')");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_subject_at",
                table: "audit_entries",
                columns: new[] { "subject", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_registration_id_requested_at",
                table: "correction_requests",
                columns: new[] { "registration_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_status_requested_at",
                table: "correction_requests",
                columns: new[] { "status", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ux_correction_requests_one_pending",
                table: "correction_requests",
                column: "registration_id",
                unique: true,
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_payments_bank_serial_number",
                table: "payments",
                column: "bank_serial_number");

            migrationBuilder.CreateIndex(
                name: "ix_payments_batch_id",
                table: "payments",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_candidate_user_id_submitted_at",
                table: "payments",
                columns: new[] { "candidate_user_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_institution_id_batch_id_submitted_at",
                table: "payments",
                columns: new[] { "institution_id", "batch_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_receipt_file_id",
                table: "payments",
                column: "receipt_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_status_submitted_at",
                table: "payments",
                columns: new[] { "status", "submitted_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_registrations_payments_payment_id",
                table: "registrations",
                column: "payment_id",
                principalTable: "payments",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_registrations_payments_payment_id",
                table: "registrations");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "correction_requests");

            migrationBuilder.DropTable(
                name: "payee_accounts");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropIndex(
                name: "ix_registrations_exam_plan_id_status",
                table: "registrations");

            migrationBuilder.DropIndex(
                name: "ix_registrations_payment_id",
                table: "registrations");

            migrationBuilder.DropIndex(
                name: "ux_registrations_one_live_per_person_per_batch",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "cancel_reason",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "cancelled_from",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "payment_confirmed_at",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "payment_id",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "payment_return_reason",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "transferred_from_id",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "transferred_to_id",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "cancellation_reason",
                table: "exam_plans");

            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "exam_plans");

            migrationBuilder.DropColumn(
                name: "cancelled_by_user_id",
                table: "exam_plans");

            migrationBuilder.DropColumn(
                name: "carry_over_review",
                table: "exam_plans");

            migrationBuilder.CreateIndex(
                name: "ux_registrations_one_live_per_person_per_batch",
                table: "registrations",
                columns: new[] { "batch_id", "id_document_type", "id_number" },
                unique: true,
                filter: "status NOT IN ('Rejected', 'ReturnExpired')");
        }
    }
}
