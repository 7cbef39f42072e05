using System.ComponentModel.DataAnnotations;

namespace HemelMassage.Web.Email;

public enum SmtpTlsMode
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}

/// <summary>How email leaves the site. With no <see cref="Host"/>, messages are written as .eml files.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    /// <summary>SMTP server; empty means "write each message to {data}/mail as an .eml file".</summary>
    public string Host { get; set; } = "";
    [Range(1, 65535)] public int Port { get; set; } = 587;
    public SmtpTlsMode TlsMode { get; set; } = SmtpTlsMode.StartTls;
    public string User { get; set; } = "";
    public string Password { get; set; } = "";

    /// <summary>Sender address; empty means the clinic's own address (Clinic:Email).</summary>
    public string? FromAddress { get; set; }
    /// <summary>Sender name; empty means the clinic's name.</summary>
    public string? FromName { get; set; }
    /// <summary>Where new-booking notices go; empty means Clinic:Email.</summary>
    public string? ClinicNotificationAddress { get; set; }

    /// <summary>Local clinic hour, on the day before a visit, from which its reminder is sent.</summary>
    [Range(0, 23)] public int ReminderHour { get; set; } = 18;

    /// <summary>Local clinic hour, on the day after a visit, from which its follow-up is sent.</summary>
    [Range(0, 23)] public int FollowUpHour { get; set; } = 10;

    [Range(1, 100)] public int MaxAttempts { get; set; } = 8;
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>
    /// How long a dispatcher owns the rows it claimed. It renews the lease of the rows it still holds before
    /// each email, so the lease outlasts the whole batch as long as it outlasts one email at its slowest.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromHours(1);
    [Range(1, 500)] public int BatchSize { get; set; } = 10;

    /// <summary>RFC 5321's wait for each stage of sending an email.</summary>
    public SmtpTimeouts Timeouts { get; set; } = new();

    /// <summary>The old single timeout for every SMTP command; set, it stops startup with a pointer to <see cref="Timeouts"/>.</summary>
    public TimeSpan? SendTimeout { get; set; }

    /// <summary>Tests switch the background loops off and drive the dispatcher themselves.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    public bool WritesFiles => string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BackoffBase <= TimeSpan.Zero || BackoffCap < BackoffBase)
        {
            yield return new ValidationResult("Email:BackoffBase must be positive and Email:BackoffCap at least as long.");
        }
        if (PollInterval <= TimeSpan.Zero || ReminderInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Email:PollInterval and Email:ReminderInterval must be positive.");
        }
        if (SendTimeout is not null)
        {
            yield return new ValidationResult(
                "Email:SendTimeout is no longer used: each stage of sending has its own wait, Email:Timeouts:Connect, Greeting, Mail, Rcpt, DataInit, DataBlock and DataTermination (RFC 5321 4.5.3.2; the defaults follow it). Remove Email:SendTimeout.");
        }
        foreach (var (name, value) in Timeouts.Stages.Where(s => s.Value <= TimeSpan.Zero || s.Value > TimeSpan.FromDays(1)))
        {
            yield return new ValidationResult($"Email:Timeouts:{name} must be positive and at most a day (it is {value}).");
        }
        // A lease that ends while its email is still being sent would let a second dispatcher send it again.
        if (LeaseDuration <= Timeouts.OneMessage)
        {
            yield return new ValidationResult(
                $"Email:LeaseDuration must be longer than one email can take, the Email:Timeouts added up ({Timeouts.OneMessage}).");
        }
        foreach (var (name, value) in new[] { ("FromAddress", FromAddress), ("ClinicNotificationAddress", ClinicNotificationAddress) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !IsAddress(value))
            {
                yield return new ValidationResult($"Email:{name} must be a single email address, such as bookings@example.co.uk (or empty).");
            }
        }
        if (!string.IsNullOrEmpty(User) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Email:Password is required when Email:User is set.");
        }
    }

    private static bool IsAddress(string value) => Site.EmailAddresses.IsPlainMailbox(value);
}
