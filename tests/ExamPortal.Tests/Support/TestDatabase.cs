using Npgsql;

namespace ExamPortal.Tests.Support;

/// <summary>The PostgreSQL server ./test.sh starts. Without one, tests fail and say how to get one.</summary>
public static class TestDatabase
{
    public const string Variable = "EXAMPORTAL_TEST_PG";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"No PostgreSQL server for the tests: {Variable} is not set. Run the suite with ./test.sh, which installs and starts " +
                "a throwaway PostgreSQL cluster, or set {Variable}=\"Host=127.0.0.1;Port=5432;Username=postgres;Password=…\" to a server where that user may create databases.");

    public static async Task CreateAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException(
                $"Cannot reach the PostgreSQL server named by {Variable} ({ex.Message}). Start it with ./test.sh, or point {Variable} at a running server.", ex);
        }

        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
