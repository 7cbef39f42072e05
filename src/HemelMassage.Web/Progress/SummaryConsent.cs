using FluentValidation;

namespace HemelMassage.Web.Progress;

/// <summary>
/// The client's consent to share a summary of their treatment record (maps, scores, notes) with a named GP or
/// physiotherapist: who gave it, when, to whom, and which member of staff recorded it. Without one the summary is not produced.
/// </summary>
public sealed class SummaryConsent
{
    public int Id { get; set; }
    public int ClientId { get; set; }
    /// <summary>Who gave consent: the client, or someone entitled to for them ("Ann Client", "her daughter, with power of attorney").</summary>
    public string GivenBy { get; set; } = "";
    /// <summary>Who the summary is for ("Dr Patel, Parkwood Surgery").</summary>
    public string SharedWith { get; set; } = "";
    public DateTime GivenAtUtc { get; set; }
    public string RecordedByUserId { get; set; } = "";
    public string RecordedBy { get; set; } = "";
}

/// <summary>The consent form on the summary page (redisplayed with its errors).</summary>
public sealed class ConsentForm
{
    public string? GivenBy { get; set; }
    public string? SharedWith { get; set; }
    public bool Agreed { get; set; }
}

public sealed class ConsentFormValidator : AbstractValidator<ConsentForm>
{
    public const int MaxGivenBy = 100;
    public const int MaxSharedWith = 200;

    public ConsentFormValidator()
    {
        RuleFor(f => f.GivenBy).NotEmpty().WithMessage("Enter who gave consent: the client's name, or who gave it for them.")
            .MaximumLength(MaxGivenBy).WithMessage($"Keep who gave consent under {MaxGivenBy} characters.");
        RuleFor(f => f.SharedWith).NotEmpty().WithMessage("Enter who the summary is for, such as the GP's or physiotherapist's name and practice.")
            .MaximumLength(MaxSharedWith).WithMessage($"Keep who it is for under {MaxSharedWith} characters.");
        RuleFor(f => f.Agreed).Equal(true).WithMessage("Tick the box to confirm the client agreed to share the summary with them.");
    }
}
