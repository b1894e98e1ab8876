namespace ExamPortal.Tests.Features.Imports;

public sealed class ZzDumpTests
{
    [Fact]
    public void Dump()
    {
        using var w = new StreamWriter("/tmp/dump.txt");
        foreach (var name in ImportFixtures.Generators.Keys)
        {
            var sheet = ImportFixtures.Read(name);
            w.WriteLine($"=== {name} {string.Join("|", sheet.SheetProblems)}");
            foreach (var r in sheet.Rows)
            {
                if (name.StartsWith("200", StringComparison.Ordinal) && r.IsValid) { continue; }
                w.WriteLine($"{r.RowNumber} [{r.SequenceNumber}] {r.FullName} {r.IdDocumentType} {r.IdNumber} {r.Gender} {r.BirthDate} {r.Mobile} {r.Education} {r.Major}/{r.Occupation} {r.ProjectName}({r.ProjectCode}) <{r.ConditionLabel}> Q={r.Qualification?.MajorGroupName}/{r.Qualification?.DeclaresRelatedSkill}");
                foreach (var p in r.Problems) { w.WriteLine($"    {p.Column}：{p.Message}"); }
            }
            w.WriteLine($"rows={sheet.Rows.Count} invalid={sheet.Rows.Count(r => !r.IsValid)}");
        }
        Assert.True(true);
    }
}
