using HemelMassage.Web.Book;

namespace HemelMassage.Web.Intake;

/// <summary>Between the details form and the booking being filled in: what is kept, and only with consent.</summary>
public static class IntakeForms
{
    /// <returns>True when the client marked the map or answered but gave no consent, so nothing of it was kept.</returns>
    public static bool Save(PendingBooking pending, DetailsForm form, HealthAnswerProtector protector, DateTime nowUtc)
    {
        pending.NoFollowUp = form.NoFollowUp;
        pending.HealthUnchanged = form.HealthConsent && form.Visit == "returning" && form.HealthUnchanged;
        if (!form.HealthConsent)
        {
            // No consent, no health data: where it hurts and whatever was answered are dropped; the therapist asks in person.
            pending.Regions = null;
            pending.HealthConsentAtUtc = null;
            pending.ProtectedAnswers = null;
            pending.NeedsConversation = false;
            return BodyRegions.Clean(form.Regions).Count > 0 || AnswersOf(form) is not null;
        }
        pending.Regions = BodyRegions.Join(form.Regions ?? []);
        pending.HealthConsentAtUtc ??= nowUtc;
        var answers = AnswersOf(form);
        pending.ProtectedAnswers = answers is null ? null : protector.Protect(answers);
        pending.NeedsConversation = answers?.NeedsConversation ?? false;
        return false;
    }

    /// <summary>The answers to keep: null when a returning client said nothing has changed and added nothing.</summary>
    public static HealthAnswers? AnswersOf(DetailsForm form)
    {
        var yesNo = HealthQuestions.All
            .Where(q => form.Answers?.GetValueOrDefault(q.Code) is "yes" or "no")
            .ToDictionary(q => q.Code, q => form.Answers![q.Code] == "yes");
        var answers = new HealthAnswers(yesNo, Trimmed(form.HealthDetails), Trimmed(form.AreasToAvoid),
            HealthQuestions.Pressures.Contains(form.Pressure ?? "") ? form.Pressure : null,
            IntakeFormValidator.ParseIntensity(form.Intensity), Trimmed(form.PainSince), Trimmed(form.PainWorse), AreaScoresOf(form));
        var empty = yesNo.Count == 0 && answers is { Details: null, AreasToAvoid: null, Pressure: null, Intensity: null, PainSince: null, PainWorse: null, AreaScores: null };
        return empty ? null : answers;
    }

    /// <summary>The 0..10 score of each ticked area that has one; null when none has.</summary>
    private static Dictionary<string, int>? AreaScoresOf(DetailsForm form)
    {
        var scores = IntakeFormValidator.TickedScores(form)
            .Select(s => (s.Code, Score: IntakeFormValidator.ParseIntensity(s.Value)))
            .Where(s => s.Score is not null).ToDictionary(s => s.Code, s => s.Score!.Value, StringComparer.Ordinal);
        return scores.Count == 0 ? null : scores;
    }

    public static DetailsForm Fill(DetailsForm form, PendingBooking pending, HealthAnswerProtector protector)
    {
        form.Regions = [.. BodyRegions.Split(pending.Regions)];
        form.NoFollowUp = pending.NoFollowUp;
        form.HealthConsent = pending.HealthConsentAtUtc is not null;
        form.HealthUnchanged = pending.HealthUnchanged;
        if (protector.Unprotect(pending.ProtectedAnswers) is { } answers)
        {
            form.Answers = answers.Answers.ToDictionary(a => a.Key, a => a.Value ? "yes" : "no");
            form.HealthDetails = answers.Details;
            form.AreasToAvoid = answers.AreasToAvoid;
            form.Pressure = answers.Pressure;
            form.Intensity = answers.Intensity?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            form.AreaScores = answers.AreaScores?.ToDictionary(s => s.Key, s => s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            form.PainSince = answers.PainSince;
            form.PainWorse = answers.PainWorse;
        }
        return form;
    }

    /// <summary>A form kept as typed but unchecked: its free text cut to the lengths the checks allow (unknown areas and answers are dropped on saving anyway).</summary>
    public static DetailsForm Bounded(DetailsForm form)
    {
        static string? Cut(string? text, int max) => text is { Length: > 0 } t && t.Length > max ? t[..max] : text;
        form.Intensity = IntakeFormValidator.ParseIntensity(form.Intensity)?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form.AreaScores = IntakeFormValidator.TickedScores(form).Where(s => IntakeFormValidator.ParseIntensity(s.Value) is not null)
            .ToDictionary(s => s.Code, s => s.Value!.Trim(), StringComparer.Ordinal);
        form.PainSince = Cut(form.PainSince, 300);
        form.PainWorse = Cut(form.PainWorse, 300);
        form.AreasToAvoid = Cut(form.AreasToAvoid, 300);
        form.HealthDetails = Cut(form.HealthDetails, 1000);
        return form;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
