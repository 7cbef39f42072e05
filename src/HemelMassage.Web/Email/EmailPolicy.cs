using HemelMassage.Web.Booking;
using HemelMassage.Web.Clinic;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Email;

/// <summary>The clinic's rules as emails state them, and the addresses mail goes from and to.</summary>
public sealed class EmailPolicy(ClinicOptions clinic, IOptions<EmailOptions> options, IOptions<BookingOptions> booking)
{
    private readonly EmailOptions _options = options.Value;

    public string CancellationPolicy =>
        $"You can move or cancel your booking online up to {CutoffText} before it starts. " +
        $"After that, please phone us on {clinic.Phone}.";

    // The rule lives in the booking options; the email only states it, so the two cannot drift apart.
    private string CutoffText => booking.Value.CancellationCutoff switch
    {
        { TotalHours: 1 } => "1 hour",
        var c when c.TotalMinutes % 60 == 0 => $"{c.TotalHours:0} hours",
        var c => $"{c.TotalMinutes:0} minutes",
    };

    public string FromAddress => string.IsNullOrWhiteSpace(_options.FromAddress) ? clinic.Email : _options.FromAddress;

    public string FromName => string.IsNullOrWhiteSpace(_options.FromName) ? clinic.Name : _options.FromName;

    public string ClinicNotificationAddress =>
        string.IsNullOrWhiteSpace(_options.ClinicNotificationAddress) ? clinic.Email : _options.ClinicNotificationAddress;

    /// <summary>A Message-ID under the site's own domain, fixed when the row is written.</summary>
    public string NewMessageId() => $"{Guid.NewGuid():N}@{clinic.BaseUri.Host}";
}
