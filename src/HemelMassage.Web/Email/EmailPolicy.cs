using HemelMassage.Web.Clinic;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Email;

/// <summary>The clinic's rules as emails state them, and the addresses mail goes from and to.</summary>
public sealed class EmailPolicy(ClinicOptions clinic, IOptions<EmailOptions> options)
{
    private readonly EmailOptions _options = options.Value;

    public string CancellationPolicy =>
        $"You can move or cancel your booking online up to {_options.CancellationCutoffHours} hours before it starts. " +
        $"After that, please phone us on {clinic.Phone}.";

    public string FromAddress => string.IsNullOrWhiteSpace(_options.FromAddress) ? clinic.Email : _options.FromAddress;

    public string FromName => string.IsNullOrWhiteSpace(_options.FromName) ? clinic.Name : _options.FromName;

    public string ClinicNotificationAddress =>
        string.IsNullOrWhiteSpace(_options.ClinicNotificationAddress) ? clinic.Email : _options.ClinicNotificationAddress;

    /// <summary>A Message-ID under the site's own domain, fixed when the row is written.</summary>
    public string NewMessageId() => $"{Guid.NewGuid():N}@{clinic.BaseUri.Host}";
}
