namespace ExamPortal.Web.Data.Entities;

/// <summary>A message to one account (个人中心 &gt; 消息), written in the same transaction as its cause.</summary>
public sealed class Message
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public Guid? RegistrationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
