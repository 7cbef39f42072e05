using System.Globalization;
using FluentValidation;
using HemelMassage.Web.Book;

namespace HemelMassage.Web.Intake;

/// <summary>
/// The body map and health questions of the details step. Health answers are checked only when the client
/// consented, because without consent they are not kept at all; a first visit answers every question, a
/// returning client may say nothing has changed instead. Marking only the map, with no answer, is fine: the questions are then asked in person.
/// </summary>
public sealed class IntakeFormValidator : AbstractValidator<DetailsForm>
{
    public IntakeFormValidator()
    {
        RuleFor(f => f.Regions).Must(r => r is null || (r.Count <= 100 && r.All(BodyRegions.IsKnown)))
            .WithMessage("Please choose areas from the list on the body map.");
        RuleFor(f => f.Intensity).Must(i => string.IsNullOrWhiteSpace(i) || ParseIntensity(i) is not null)
            .WithMessage("Please give how strong it feels as a whole number from 0 (no pain) to 10 (the worst), or leave it empty.");
        RuleFor(f => f).Custom((form, context) =>
        {
            // A score of an area no longer ticked is dropped on saving, never refused: its box was hidden with the tick.
            foreach (var (code, value) in TickedScores(form))
            {
                if (!string.IsNullOrWhiteSpace(value) && ParseIntensity(value) is null)
                {
                    context.AddFailure(ScoreField(code), $"Please give how strong your {BodyRegions.Find(code)!.Label.ToLowerInvariant()} feels as a whole number from 0 (no pain) to 10 (the worst), or leave it empty.");
                }
            }
        });
        Text(f => f.PainSince, 300, "since when it hurts");
        Text(f => f.PainWorse, 300, "what makes it worse");
        When(f => f.HealthConsent, () =>
        {
            Text(f => f.HealthDetails, 1000, "more about your answers");
            Text(f => f.AreasToAvoid, 300, "areas to avoid");
            RuleFor(f => f.Pressure).Must(p => string.IsNullOrEmpty(p) || HealthQuestions.Pressures.Contains(p))
                .WithMessage("Please choose light, medium, firm or not sure.");
            RuleFor(f => f).Custom((form, context) =>
            {
                // Someone who starts the questions answers them all; someone who only marks the map is asked in person.
                var started = form.Answers?.Values.Any(v => v is "yes" or "no") == true;
                var required = started && (form.Visit != "returning" || !form.HealthUnchanged);
                foreach (var question in HealthQuestions.All)
                {
                    var answer = form.Answers?.GetValueOrDefault(question.Code);
                    if (answer is "yes" or "no" || (answer is null && !required))
                    {
                        continue;
                    }
                    context.AddFailure(AnswerField(question.Code), required && answer is null
                        ? "Please answer yes or no."
                        : "Please choose yes or no.");
                }
            });
        });
    }

    /// <summary>The field (and element id) an area's score error belongs to.</summary>
    public static string ScoreField(string code) => "AreaScores-" + code;

    /// <summary>The posted scores of the areas ticked (known codes only), as typed.</summary>
    public static IEnumerable<(string Code, string? Value)> TickedScores(DetailsForm form)
    {
        var ticked = BodyRegions.Clean(form.Regions);
        return ticked.Where(c => form.AreaScores?.ContainsKey(c) == true).Select(c => (c, (string?)form.AreaScores![c]));
    }

    /// <summary>The field (and element id) an answer's error belongs to.</summary>
    public static string AnswerField(string code) => "Answers-" + code;

    public static int? ParseIntensity(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 10 ? n : null;

    private void Text(System.Linq.Expressions.Expression<Func<DetailsForm, string?>> field, int max, string what) =>
        RuleFor(field).Cascade(CascadeMode.Stop)
            .MaximumLength(max).WithMessage($"Please keep {what} to {max} characters; you can say more when you arrive.")
            .Must(t => t is null || t.All(c => !char.IsControl(c) || c is '\n' or '\r' or '\t'))
            .WithMessage($"What you wrote about {what} has characters we can't use; please type it again.");
}
