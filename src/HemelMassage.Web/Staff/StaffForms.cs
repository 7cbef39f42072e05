using FluentValidation;
using HemelMassage.Web.Site;

namespace HemelMassage.Web.Staff;

public sealed class SignInForm
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string? ReturnUrl { get; set; }
}

public sealed class SignInFormValidator : AbstractValidator<SignInForm>
{
    public SignInFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address.")
            .MaximumLength(256).WithMessage("Enter an email address of at most 256 characters.");
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password.");
    }
}

/// <summary>A six-digit code from an authenticator app, or a recovery code.</summary>
public sealed class CodeForm
{
    public string Code { get; set; } = "";
    public string? ReturnUrl { get; set; }

    /// <summary>An authenticator code without the spaces or hyphen people type (recovery codes keep their hyphen).</summary>
    /// <remarks>An empty field binds as null despite the initialiser, and MVC's validation reads this property too.</remarks>
    public string Normalised => (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
}

public sealed class CodeFormValidator : AbstractValidator<CodeForm>
{
    public CodeFormValidator() =>
        RuleFor(f => f.Code).NotEmpty().WithMessage("Enter the code.").MaximumLength(40).WithMessage("That code is too long.");
}

public sealed class SetPasswordForm
{
    public string UserId { get; set; } = "";
    public string Token { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class SetPasswordFormValidator : AbstractValidator<SetPasswordForm>
{
    public SetPasswordFormValidator()
    {
        RuleFor(f => f.NewPassword).NewPasswordRules();
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("The two passwords are not the same.");
    }
}

public sealed class ForgotPasswordForm
{
    public string Email { get; set; } = "";
}

public sealed class ForgotPasswordFormValidator : AbstractValidator<ForgotPasswordForm>
{
    public ForgotPasswordFormValidator() =>
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address.")
            .PlainMailbox().WithMessage("Enter an email address like name@example.com.");
}

public sealed class FirstOwnerForm
{
    public string Token { get; set; } = "";
    public string DisplayName { get; set => field = PersonName.Normalise(value); } = "";
    public string Email { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class FirstOwnerFormValidator : AbstractValidator<FirstOwnerForm>
{
    public FirstOwnerFormValidator()
    {
        RuleFor(f => f.DisplayName).NotEmpty().WithMessage("Enter your name.").MaximumLength(100).WithMessage("Keep the name under 100 characters.");
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address.")
            .PlainMailbox().WithMessage("Enter an email address like name@example.com.");
        RuleFor(f => f.NewPassword).NewPasswordRules();
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("The two passwords are not the same.");
    }
}

public sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator()
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
        RuleFor(f => f.NewPassword).NewPasswordRules();
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("The two passwords are not the same.");
    }
}

public sealed class InviteForm
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set => field = PersonName.Normalise(value); } = "";
    public string Role { get; set; } = StaffRoles.Therapist;
}

public sealed class InviteFormValidator : AbstractValidator<InviteForm>
{
    public InviteFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter their email address.")
            .PlainMailbox().WithMessage("Enter an email address like name@example.com.");
        RuleFor(f => f.DisplayName).NotEmpty().WithMessage("Enter their name.").MaximumLength(100).WithMessage("Keep the name under 100 characters.");
        RuleFor(f => f.Role).Must(StaffRoles.IsKnown).WithMessage("Choose a role.");
    }
}

public sealed class RoleForm
{
    public string Role { get; set; } = "";
}

public sealed class RoleFormValidator : AbstractValidator<RoleForm>
{
    public RoleFormValidator() => RuleFor(f => f.Role).Must(StaffRoles.IsKnown).WithMessage("Choose a role.");
}

public static class StaffFormExtensions
{
    public static IRuleBuilderOptions<T, string> NewPasswordRules<T>(this IRuleBuilder<T, string> rule) => rule
        .NotEmpty().WithMessage("Enter a new password.")
        .MinimumLength(12).WithMessage("Use at least 12 characters: three or four unrelated words make a strong password.")
        .MaximumLength(CommonPasswordValidator.MaximumLength).WithMessage("Use at most 128 characters.");

    public static IServiceCollection AddStaffForms(this IServiceCollection services) => services
        .AddSingleton<IValidator<SignInForm>, SignInFormValidator>()
        .AddSingleton<IValidator<CodeForm>, CodeFormValidator>()
        .AddSingleton<IValidator<SetPasswordForm>, SetPasswordFormValidator>()
        .AddSingleton<IValidator<ForgotPasswordForm>, ForgotPasswordFormValidator>()
        .AddSingleton<IValidator<ChangePasswordForm>, ChangePasswordFormValidator>()
        .AddSingleton<IValidator<FirstOwnerForm>, FirstOwnerFormValidator>()
        .AddSingleton<IValidator<InviteForm>, InviteFormValidator>()
        .AddSingleton<IValidator<RoleForm>, RoleFormValidator>();
}
