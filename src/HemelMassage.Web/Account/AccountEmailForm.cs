using FluentValidation;
using HemelMassage.Web.Site;

namespace HemelMassage.Web.Account;

/// <summary>"Email me a sign-in link": the address only, bound as typed.</summary>
public sealed class AccountEmailForm
{
    public string? Email { get; set; }
}

public sealed class AccountEmailFormValidator : AbstractValidator<AccountEmailForm>
{
    public AccountEmailFormValidator()
    {
        RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Please enter the email address you book with.")
            .ClientMailbox();
    }
}

/// <summary>The states of a sign-in link's page: its button, or why there is none.</summary>
public enum SignInLinkState
{
    Live,
    Used,
    Expired,
}

public sealed record SignInLinkView(string Token, SignInLinkState State);

/// <summary>One part of the signed-in page: a heading, a line saying what is there, and where.</summary>
public sealed record AccountSection(string Title, string Href, string Summary);

/// <param name="Sections">Every part of the client's page, in the order shown (<see cref="AccountSections"/>).</param>
public sealed record AccountHome(string Name, string Email, IReadOnlyList<AccountSection> Sections);
