namespace ExamPortal.Domain.Registrations;

public static class RegistrationChannels
{
    public static string DisplayName(RegistrationChannel channel) => channel switch
    {
        RegistrationChannel.Individual => "考生个人报名",
        RegistrationChannel.Institution => "机构报名",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "未知的报名渠道"),
    };
}
