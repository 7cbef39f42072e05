using System.Globalization;
using FluentValidation;

namespace HemelMassage.Web.Waitlist;

/// <summary>Staff offer one free hour by hand: <see cref="Hour"/> is "therapist id:UTC start" from the page's list.</summary>
public sealed class WaitlistOfferForm
{
    public string Hour { get; set; } = "";
}

/// <summary>Staff take an entry off the list, saying why; the client hears only when <see cref="Tell"/> is ticked.</summary>
public sealed class WaitlistRemoveForm
{
    public string Reason { get; set; } = "";
    public bool Tell { get; set; }
}

/// <summary>The one spelling of a therapist's hour in a form: "2:2026-12-08T10:00:00Z".</summary>
public static class OfferHour
{
    public static string Format(int therapistId, DateTime startUtc) =>
        $"{therapistId.ToString(CultureInfo.InvariantCulture)}:{startUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";

    public static (int TherapistId, DateTime StartUtc)? Parse(string? value)
    {
        var parts = (value ?? "").Trim().Split(':', 2);
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var therapistId) && therapistId > 0
            && DateTime.TryParseExact(parts[1], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start)
            && start.Year is >= 2000 and <= 2100
            ? (therapistId, DateTime.SpecifyKind(start, DateTimeKind.Utc))
            : null;
    }
}

public sealed class WaitlistOfferFormValidator : AbstractValidator<WaitlistOfferForm>
{
    public WaitlistOfferFormValidator() =>
        RuleFor(f => f.Hour).Must(h => OfferHour.Parse(h) is not null).WithMessage("Choose one of the free hours listed.");
}

public sealed class WaitlistRemoveFormValidator : AbstractValidator<WaitlistRemoveForm>
{
    public WaitlistRemoveFormValidator() =>
        RuleFor(f => f.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Say why the entry comes off the list (it goes in the audit log).")
            .MaximumLength(200).WithMessage("Keep the reason under 200 characters.");
}
