using System.Globalization;
using FluentValidation;

namespace HemelMassage.Web.Plans;

/// <summary>"N more visits, every X weeks", as typed (text, so a word or a decimal gets our message, not a binder's).</summary>
public sealed class PlanForm
{
    public string? Visits { get; set; }
    public string? EveryWeeks { get; set; }

    public int? ParsedVisits => Whole(Visits);

    public int? ParsedWeeks => Whole(EveryWeeks);

    private static int? Whole(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}

public sealed class PlanFormValidator : AbstractValidator<PlanForm>
{
    public PlanFormValidator()
    {
        RuleFor(f => f.Visits).Must((f, _) => f.ParsedVisits is >= 1 and <= PlanRules.MaxVisits)
            .WithMessage($"Enter how many more visits, a whole number from 1 to {PlanRules.MaxVisits}.");
        RuleFor(f => f.EveryWeeks).Must((f, _) => f.ParsedWeeks is >= 1 and <= PlanRules.MaxWeeks)
            .WithMessage($"Enter how many weeks apart, a whole number from 1 to {PlanRules.MaxWeeks}.");
    }
}
