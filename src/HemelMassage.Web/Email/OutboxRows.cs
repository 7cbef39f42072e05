namespace HemelMassage.Web.Email;

public static class OutboxRows
{
    public static OutboxMessage Create(ComposedEmail email, int? bookingId, string? reminderKey, EmailPolicy policy, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new OutboxMessage
        {
            MessageId = policy.NewMessageId(),
            Kind = email.Kind,
            BookingId = bookingId,
            ReminderKey = reminderKey,
            ToAddress = email.ToAddress,
            ToName = email.ToName,
            Subject = email.Subject,
            TextBody = email.TextBody,
            HtmlBody = email.HtmlBody,
            Ics = email.Ics,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }
}
