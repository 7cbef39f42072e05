using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Email;

/// <summary>The clinic's rules as emails state them, and the addresses mail goes from and to.</summary>
public sealed class EmailPolicy(ClinicOptions clinic, IOptions<EmailOptions> options, CancellationRule rule)
{
    private readonly EmailOptions _options = options.Value;

    public bool CanChangeOnline(DateTime startUtc) => rule.CanChangeOnline(startUtc);

    /// <summary>
    /// The cut-off as it applies to this booking when the email is written: until when it may be changed
    /// online, or (already inside the cut-off) that only a phone call changes it. The rule itself lives in
    /// the booking options, so the two cannot drift apart.
    /// </summary>
    public string ChangeRule(DateTime startUtc) => rule.CanChangeOnline(startUtc)
        ? $"You can move or cancel this booking online until {ClinicTime.Describe(rule.LastChangeUtc(startUtc))} ({rule.Before}). " +
          $"After that, please phone us on {clinic.Phone}."
        : $"This booking is {rule.Inside}, so it can no longer be moved or cancelled online. To change it, please phone us on {clinic.Phone}.";

    public string FromAddress => string.IsNullOrWhiteSpace(_options.FromAddress) ? clinic.Email : _options.FromAddress;

    public string FromName => string.IsNullOrWhiteSpace(_options.FromName) ? clinic.Name : _options.FromName;

    public string ClinicNotificationAddress =>
        string.IsNullOrWhiteSpace(_options.ClinicNotificationAddress) ? clinic.Email : _options.ClinicNotificationAddress;

    /// <summary>A Message-ID under the site's own domain, fixed when the row is written.</summary>
    public string NewMessageId() => $"{Guid.NewGuid():N}@{clinic.BaseUri.Host}";
}
