using ExamPortal.Web.Features.Imports;

namespace ExamPortal.Tests.Features.Imports;

public sealed class ImportFixtureFilesTests
{
    [Fact]
    public void CommittedFixturesMatchTheGenerator()
    {
        if (Environment.GetEnvironmentVariable("EXAMPORTAL_WRITE_IMPORT_FIXTURES") == "1")
        {
            Directory.CreateDirectory(ImportFixtures.Directory);
            foreach (var (name, generate) in ImportFixtures.Generators)
            {
                File.WriteAllBytes(Path.Combine(ImportFixtures.Directory, name), generate());
            }
        }

        Assert.Equal(
            ImportFixtures.Generators.Keys.Order(),
            Directory.GetFiles(ImportFixtures.Directory, "*.xlsx").Select(Path.GetFileName).Order());
        foreach (var (name, generate) in ImportFixtures.Generators)
        {
            var committed = ImportFixtures.Committed(name);
            Assert.True(committed.Length < 64 * 1024, $"{name} should stay small, is {committed.Length} bytes");
            Assert.Equal(Summary(Workbooks.Read(generate())), Summary(Workbooks.Read(committed)));
        }
    }

    private static List<string> Summary(ApplicantSheet sheet) =>
    [
        .. sheet.SheetProblems,
        .. sheet.Rows.Select(r => $"{r.RowNumber} {r.FullName} {r.IdNumber} {r.ProjectName} {string.Join("；", r.Problems.Select(p => $"{p.Column}：{p.Message}"))}"),
    ];
}
