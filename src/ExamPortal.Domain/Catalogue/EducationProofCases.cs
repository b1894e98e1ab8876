namespace ExamPortal.Domain.Catalogue;

public static class EducationProofCases
{
    public static string DisplayName(EducationProofCase proofCase) => proofCase switch
    {
        EducationProofCase.OnlineStudentStatusReport => "学信网在线学籍证明报告",
        EducationProofCase.SchoolStudentRecordCard => "学籍卡",
        EducationProofCase.GraduationCertificate => "毕业证书（或国外学历学位认证书）",
        EducationProofCase.CertificateOfEducation => "学历证明",
        EducationProofCase.PersonalStatement => "情况说明",
        _ => throw new ArgumentOutOfRangeException(nameof(proofCase), proofCase, "未知的学历证明类型"),
    };

    // Who the case is for and what exactly to upload, following the announcement's wording.
    public static string Guidance(EducationProofCase proofCase) => proofCase switch
    {
        EducationProofCase.OnlineStudentStatusReport => "高中以上学历考生：出具学信网在线学籍证明报告",
        EducationProofCase.SchoolStudentRecordCard =>
            "高中、中职、中专、技校在校就读考生：出具由学校教务处采用校内系统打印并加盖公章的学籍卡",
        EducationProofCase.GraduationCertificate =>
            "已毕业考生：出具相应学历证书；非中国学历证书须出具教育部留学服务中心颁发的“国外学历学位认证书”",
        EducationProofCase.CertificateOfEducation =>
            "高中（含同等学历）及以上毕业证书遗失的考生：出具由学历原发证单位开具并加盖学校教务处公章的学历证明",
        EducationProofCase.PersonalStatement =>
            "小学、初中毕业证书遗失或未接受九年义务教育无学历的考生：出具本人签名并加盖手印的情况说明",
        _ => throw new ArgumentOutOfRangeException(nameof(proofCase), proofCase, "未知的学历证明类型"),
    };
}
