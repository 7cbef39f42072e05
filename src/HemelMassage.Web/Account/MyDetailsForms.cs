using FluentValidation;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Site;

namespace HemelMassage.Web.Account;

/// <summary>"My details": the name and phone a client may change themselves.</summary>
public sealed class MyDetailsForm
{
    public string Name { get; set; } = "";
    public string? Phone { get; set; }
}

/// <summary>"My details": the new email address, which changes only once a link sent to it is used.</summary>
public sealed class MyEmailForm
{
    public string? NewEmail { get; set; }
}

public sealed class MyEmailFormValidator : AbstractValidator<MyEmailForm>
{
    public MyEmailFormValidator()
    {
        RuleFor(f => f.NewEmail).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Please enter your new email address.")
            .ClientMailbox();
    }
}

/// <summary>The emails a client may turn off: follow-ups after a visit, and the day-before reminder.</summary>
public sealed class MyPreferencesForm
{
    public bool NoFollowUp { get; set; }
    public bool NoReminders { get; set; }
}

public sealed class MyDetailsFormValidator : AbstractValidator<MyDetailsForm>
{
    public MyDetailsFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Please enter your name.").MaximumLength(100).WithMessage("Please keep your name under 100 characters.");
        ContactRules.Phone(RuleFor(f => f.Phone));
    }
}
