namespace ExamPortal.Domain.Common;

// The domain knows users only by id and role; names and logins stay in the web layer.
public sealed record Actor(string UserId, Role Role);
