using FluentValidation;
using HemelMassage.Web.Site;

namespace HemelMassage.Web.Clients;

/// <summary>A client's contact details as staff correct them.</summary>
public sealed class ClientEditForm
{
    public string Name { get; set; } = "";
    /// <summary>Optional (nullable, so the framework does not call it required): a client who gave none is sent no email.</summary>
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>Where to go back to once saved (the email list's "fix the address", say): a staff page only.</summary>
    public string? Return { get; set; }

    public static string? SafeReturn(string? url) =>
        url is { Length: > 0 and <= 500 } && url.StartsWith("/admin/", StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\') ? url : null;
}

public sealed class ClientNotesForm
{
    public string? StaffNotes { get; set; }
}

/// <summary>The contact rules every staff form shares: the phone booking's and the client record's.</summary>
public static class ContactRules
{
    public static void Name<T>(IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Enter the client's name.").MaximumLength(100).WithMessage("Keep the name under 100 characters.");

    public static void OptionalEmail<T>(IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(EmailAddresses.MaxLength).WithMessage("That email address is too long.")
            .Must(e => string.IsNullOrWhiteSpace(e) || EmailAddresses.IsPlainMailbox(e)).WithMessage("Enter an email address like name@example.com.");

    public static void Phone<T>(IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(20).WithMessage("Keep the phone number under 20 characters.")
            .Matches(@"^[0-9 +()\-]*$").WithMessage("Use only digits, spaces, + and brackets in the phone number.");
}

public sealed class ClientEditFormValidator : AbstractValidator<ClientEditForm>
{
    public ClientEditFormValidator()
    {
        ContactRules.Name(RuleFor(f => f.Name));
        ContactRules.OptionalEmail(RuleFor(f => f.Email));
        ContactRules.Phone(RuleFor(f => f.Phone));
    }
}

public sealed class ClientNotesFormValidator : AbstractValidator<ClientNotesForm>
{
    public ClientNotesFormValidator() =>
        RuleFor(f => f.StaffNotes).MaximumLength(2000).WithMessage("Keep the notes under 2,000 characters.");
}
