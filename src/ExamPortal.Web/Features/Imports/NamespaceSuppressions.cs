using System.Diagnostics.CodeAnalysis;

// "Imports" is a Visual Basic keyword; this namespace is only ever used from C#, and its name matches the
// institution's Imports pages it serves.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
    Scope = "namespace", Target = "~N:ExamPortal.Web.Features.Imports",
    Justification = "Used from C# only; named after the feature.")]
