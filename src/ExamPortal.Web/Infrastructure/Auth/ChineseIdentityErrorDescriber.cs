using Microsoft.AspNetCore.Identity;

namespace ExamPortal.Web.Infrastructure.Auth;

/// <summary>Identity's messages in the words users of the portal read.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "该手机号码或邮箱已注册，请直接登录或找回密码" };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "该邮箱已被其他账户使用" };

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = PasswordRule.Text };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "该记录已被他人修改，请刷新后重试" };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "操作未成功，请稍后重试" };
}
