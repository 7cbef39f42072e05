using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using FluentValidation;
using MimeKit;

namespace HemelMassage.Web.Site;

/// <summary>
/// The one rule for an email address typed anywhere on the site (booking details, phone bookings, staff
/// invitations, the first Owner, the clinic's own addresses in settings): a single plain mailbox,
/// <c>local@domain.tld</c>. The local part is dot-separated atoms (letters, digits and
/// <c>!#$%&amp;'*+/=?^_`{|}~-</c>, so O'Brien and name+tag work), the domain is dotted host names; no quoted
/// strings, comments, angle brackets, display names, spaces or second address. MimeKit must read it back as
/// exactly that address, so what the form accepts is what the mail server is given.
/// </summary>
public static partial class EmailAddresses
{
    public const int MaxLength = 254;

    public static bool IsPlainMailbox([NotNullWhen(true)] string? value)
    {
        if (value is null)
        {
            return false;
        }
        var address = value.Trim();
        return address.Length <= MaxLength
            && MailboxPattern().IsMatch(address)
            && MailboxAddress.TryParse(address, out var parsed)
            && IsExactly(parsed, address)
            && parsed.Name is null or "";
    }

    /// <summary>MimeKit shows an IDN domain (<c>xn--bcher-kva.example</c>) decoded; encoded, it must be what was typed.</summary>
    public static bool IsExactly(MailboxAddress parsed, string address) =>
        string.Equals(parsed.Address, address, StringComparison.Ordinal)
        || string.Equals(parsed.GetAddress(idnEncode: true), address, StringComparison.OrdinalIgnoreCase);

    /// <summary>Surrounding spaces are forgiven (browsers strip them from an email field too); callers store the trimmed value.</summary>
    public static IRuleBuilderOptions<T, string?> PlainMailbox<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsPlainMailbox).WithMessage("Enter an email address like name@example.com.");

    /// <summary>
    /// A client's own address on the public forms (booking, waitlist, sign-in, a new address): not too long, then a plain
    /// mailbox, each in the clients' words. Each form says its own "please enter" first, since it says why it asks.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> ClientMailbox<T>(this IRuleBuilderOptions<T, string?> rule) =>
        rule.MaximumLength(MaxLength).WithMessage("Please enter an email address of up to 254 characters.")
            .PlainMailbox().WithMessage("Please enter an email address like name@example.com.");

    [GeneratedRegex(
        @"\A(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*" +
        @"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex MailboxPattern();
}
