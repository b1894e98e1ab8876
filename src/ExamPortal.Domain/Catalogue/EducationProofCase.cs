namespace ExamPortal.Domain.Catalogue;

// The five cases ①–⑤ of section 四（二）2 of the announcement (学历或学籍证明); the values are the circled numbers.
public enum EducationProofCase
{
    OnlineStudentStatusReport = 1,
    SchoolStudentRecordCard = 2,
    GraduationCertificate = 3,
    CertificateOfEducation = 4,
    PersonalStatement = 5,
}
