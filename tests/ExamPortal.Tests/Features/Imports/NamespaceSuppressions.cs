using System.Diagnostics.CodeAnalysis;

// "Imports" is a Visual Basic keyword; the tests mirror src/ExamPortal.Web/Features/Imports and are C# only.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
    Scope = "namespace", Target = "~N:ExamPortal.Tests.Features.Imports",
    Justification = "Mirrors the feature's namespace; used from C# only.")]
