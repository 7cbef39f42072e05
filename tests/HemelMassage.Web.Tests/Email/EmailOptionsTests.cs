using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Tests.Email;

public sealed class EmailOptionsTests
{
    [Fact]
    public void A_malformed_sender_address_or_a_lease_shorter_than_a_batch_stops_startup_with_the_setting_named()
    {
        using var site = new SiteFactory()
            .With("Email:FromAddress", "bookings@example.com, someone@else.org")
            .With("Email:LeaseDuration", "00:00:10");

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => site.CreateClient());

        Assert.Contains("Email:FromAddress", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Email:LeaseDuration", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_old_single_send_timeout_stops_startup_and_names_the_stage_timeouts_that_replace_it()
    {
        using var site = new SiteFactory().With("Email:SendTimeout", "00:00:30");

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => site.CreateClient());

        Assert.Contains("Email:SendTimeout is no longer used", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Email:Timeouts:Connect, Greeting, Mail, Rcpt, DataInit, DataBlock and DataTermination", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_rfc_5321s_waits_for_each_stage_and_the_lease_outlasts_one_email_at_its_slowest()
    {
        var options = new EmailOptions();

        var minutes = options.Timeouts.Stages.ToDictionary(s => s.Name, s => s.Value.TotalMinutes);
        Assert.Equal(new Dictionary<string, double>
        {
            ["Connect"] = 1, ["Greeting"] = 5, ["Mail"] = 5, ["Rcpt"] = 5, ["DataInit"] = 2, ["DataBlock"] = 3, ["DataTermination"] = 10,
        }, minutes);
        Assert.True(options.LeaseDuration > options.Timeouts.OneMessage, $"{options.LeaseDuration} <= {options.Timeouts.OneMessage}");
        Assert.Empty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }

    [Fact]
    public async Task Empty_optional_addresses_fall_back_to_the_clinics_own()
    {
        await using var smtp = new TestSmtpServer();
        using var site = new EmailSite(smtp.Port, f => f.With("Email:FromAddress", "").With("Email:ClinicNotificationAddress", " "));
        site.Notify((notifications, db) => notifications.Booked(db, Notices.Booking()));

        await site.DispatchUntilIdleAsync();

        var confirmation = Assert.Single(smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == "ann@example.com"));
        Assert.Equal("hello@hemelmassage.example", confirmation.From.Mailboxes.Single().Address);
        var clinic = Assert.Single(smtp.Messages, m => m != confirmation);
        Assert.Equal("hello@hemelmassage.example", clinic.To.Mailboxes.Single().Address);
        Assert.Equal("hello@hemelmassage.example", clinic.From.Mailboxes.Single().Address);
    }
}
