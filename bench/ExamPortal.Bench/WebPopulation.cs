using System.Diagnostics;
using Npgsql;

namespace ExamPortal.Bench;

/// <summary>What the web bench generated: the keys its load generator picks from at random.</summary>
internal sealed record WebPopulation(int Registrations, int Certificates, IReadOnlyList<string> CertificateNumbers, IReadOnlyList<int> PublishedBatchIds, int LargestBatch, double Seconds);

/// <summary>
/// The population the public pages are measured over, written with plain SQL (generate_series) in a few seconds:
/// this year's registrations spread over 2026's ten batches, each ticketed and scored, with certificates for those
/// who passed; and enough of last year's (eight 2025 batches copied from 2026's, all passed) that the certificates
/// number the target. Every row is consistent with its foreign keys; the 2025 batches have no calendar year, so the
/// results page leaves them out as it would.
/// </summary>
internal static class WebPopulationBuilder
{
    private const string Names = """
        (ARRAY['张','王','李','赵','刘','陈','杨','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','欧阳'])[1 + n % 20]
        || (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平'])[1 + (n / 20) % 20]
        || (ARRAY['','华','英','兰','平','刚','婷','辉','鹏','玲'])[1 + (n / 400) % 10]
        """;

    public static async Task<WebPopulation> BuildAsync(string connectionString, int registrations, int certificates)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            INSERT INTO batches (year, number, registration_start, registration_end, review_start, review_end, payment_start, payment_end,
                                 ticket_printing_start, ticket_printing_end, exam_date)
            SELECT 2025, number, (registration_start - interval '1 year')::date, (registration_end - interval '1 year')::date,
                   (review_start - interval '1 year')::date, (review_end - interval '1 year')::date,
                   (payment_start - interval '1 year')::date, (payment_end - interval '1 year')::date,
                   (ticket_printing_start - interval '1 year')::date, (ticket_printing_end - interval '1 year')::date,
                   (exam_date - interval '1 year')::date
            FROM batches WHERE year = 2026 AND number <= 8;
            INSERT INTO exam_plans (batch_id, project_id, venue, carry_over_review, exam_start_time, exam_end_time)
            SELECT nb.id, p.project_id, p.venue, false, p.exam_start_time, p.exam_end_time
            FROM exam_plans p JOIN batches ob ON ob.id = p.batch_id JOIN batches nb ON nb.year = 2025 AND nb.number = ob.number
            WHERE ob.year = 2026;
            INSERT INTO exam_rooms (batch_id, name, location, capacity, sort_order, exam_plan_id)
            SELECT batch_id, 'bench' || id, '成都', 1000000, 1, id FROM exam_plans;
            CREATE TEMP TABLE bench_people (n int, year int, registration_id uuid, ticket_id uuid, score_id uuid, batch_id int, plan_id int, room_id int);
            """);

        await PeopleAsync(connection, 2026, 0, registrations);
        await RowsAsync(connection, 2026, passedAll: false);
        var passedThisYear = await ScalarAsync(connection, "SELECT count(*)::int FROM exam_scores WHERE outcome = 'Passed'");
        var history = Math.Max(0, certificates - passedThisYear);
        await PeopleAsync(connection, 2025, registrations, history);
        await RowsAsync(connection, 2025, passedAll: true);
        await ExecuteAsync(connection, """
            INSERT INTO certificates (id, number, registration_id, score_id, batch_id, exam_plan_id, full_name, id_document_type, id_number,
                                      project_name, issue_date, issued_at, issued_by_user_id)
            SELECT gen_random_uuid(), 'SC' || bp.year || upper(lpad(to_hex((bp.n::bigint * 1099511627) % 1099511627776), 10, '0')),
                   bp.registration_id, bp.score_id, bp.batch_id, bp.plan_id, r.details->>'fullName', r.id_document_type, r.id_number,
                   pr.name, b.exam_date + 30, now(), 'bench'
            FROM bench_people bp JOIN exam_scores s ON s.id = bp.score_id AND s.outcome = 'Passed'
            JOIN registrations r ON r.id = bp.registration_id JOIN batches b ON b.id = bp.batch_id
            JOIN exam_plans pl ON pl.id = bp.plan_id JOIN projects pr ON pr.id = pl.project_id;
            ANALYZE;
            """);

        var numbers = new List<string>();
        await using (var read = new NpgsqlCommand("SELECT number FROM certificates", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                numbers.Add(reader.GetString(0));
            }
        }

        var batches = new List<int>();
        await using (var read = new NpgsqlCommand("SELECT id FROM batches WHERE year = 2026 ORDER BY number", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                batches.Add(reader.GetInt32(0));
            }
        }

        var largest = await ScalarAsync(connection, "SELECT coalesce(max(c), 0)::int FROM (SELECT count(*) AS c FROM exam_scores s JOIN batches b ON b.id = s.batch_id WHERE b.year = 2026 GROUP BY s.batch_id) x");
        return new WebPopulation(registrations + history, numbers.Count, numbers, batches, largest, watch.Elapsed.TotalSeconds);
    }

    // People numbered from `first`, spread round-robin over the year's batches and, within a batch, over its plans.
    private static Task PeopleAsync(NpgsqlConnection connection, int year, int first, int count) => ExecuteAsync(connection, $"""
        INSERT INTO bench_people
        SELECT g.n, {year}, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), b.id, p.id, p.room_id
        FROM generate_series({first}, {first + count - 1}) g(n)
        JOIN (SELECT id, row_number() OVER (ORDER BY number) - 1 AS k, count(*) OVER () AS m FROM batches WHERE year = {year}) b ON b.k = g.n % b.m
        JOIN (SELECT pl.id, pl.batch_id, r.id AS room_id, row_number() OVER (PARTITION BY pl.batch_id ORDER BY pl.id) - 1 AS k,
                     count(*) OVER (PARTITION BY pl.batch_id) AS m
              FROM exam_plans pl JOIN exam_rooms r ON r.exam_plan_id = pl.id) p ON p.batch_id = b.id AND p.k = (g.n / b.m) % p.m;
        """);

    // Registrations with tickets issued, their tickets and their scores: this year about two in three pass and one
    // in fifty is absent; last year's all passed (they are there for their certificates).
    private static Task RowsAsync(NpgsqlConnection connection, int year, bool passedAll) => ExecuteAsync(connection, $"""
        INSERT INTO registrations (id, channel, exam_plan_id, batch_id, id_document_type, id_number, status, details, created_at,
                                   submitted_at, last_submitted_at, decided_at, returned_items, payment_confirmed_at)
        SELECT registration_id, 'Individual', plan_id, batch_id, 'ResidentIdCard', '5' || lpad(n::text, 17, '0'), 'TicketIssued',
               jsonb_build_object('fullName', {Names}, 'gender', CASE WHEN n % 2 = 0 THEN 'Male' ELSE 'Female' END,
                                  'birthDate', '1990-01-01', 'mobile', '138' || lpad(n::text, 8, '0'), 'address', '四川省成都市'),
               now(), now(), now(), now(), '[]', now()
        FROM bench_people WHERE year = {year};
        INSERT INTO admission_tickets (id, registration_id, batch_id, exam_plan_id, number, sequence, exam_room_id, seat, issued_at,
                                       issued_by_user_id, print_count)
        SELECT ticket_id, registration_id, batch_id, plan_id, (year % 100) || lpad(n::text, 8, '0'), q, room_id, q, now(), 'bench', 0
        FROM (SELECT *, row_number() OVER (PARTITION BY plan_id ORDER BY n)::int AS q FROM bench_people WHERE year = {year}) x;
        INSERT INTO exam_scores (id, ticket_id, registration_id, exam_plan_id, batch_id, points, outcome, recorded_at, recorded_by_user_id)
        SELECT score_id, ticket_id, registration_id, plan_id, batch_id, points,
               CASE WHEN points IS NULL THEN 'Absent' WHEN points >= 60 THEN 'Passed' ELSE 'Failed' END, now(), 'bench'
        FROM (SELECT *, CASE WHEN {(passedAll ? "false" : "n % 50 = 7")} THEN NULL
                             ELSE {(passedAll ? "60 + n % 41" : "40 + (n * 37) % 61")}::numeric(4,1) END AS points
              FROM bench_people WHERE year = {year}) x;
        """);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
