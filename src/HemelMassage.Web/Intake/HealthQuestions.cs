namespace HemelMassage.Web.Intake;

/// <summary>
/// A yes/no contraindication question. A "yes" never refuses a booking: it raises <paramref name="Flag"/>
/// for the therapist and alerts the clinic, so someone talks it through before the treatment.
/// </summary>
public sealed record HealthQuestion(string Code, string Text, string Flag);

public static class HealthQuestions
{
    public static IReadOnlyList<HealthQuestion> All { get; } =
    [
        new("injury", "Have you had an injury, an operation or a fracture in the last six months?", "Recent injury or surgery"),
        new("clots", "Have you ever had a blood clot (DVT) or been told you are at risk of one?", "Blood clots"),
        new("thinners", "Do you take blood-thinning medicine (for example warfarin, apixaban or daily aspirin)?", "Blood thinners"),
        new("pregnant", "Are you pregnant, or could you be?", "Pregnancy"),
        new("skin", "Do you have a skin condition, rash, open wound or recent bruising?", "Skin condition"),
        new("infection", "Do you have an infection, a fever or feel unwell at the moment?", "Infection or fever"),
        new("cancer", "Are you having, or have you recently had, treatment for cancer?", "Cancer treatment"),
        new("heart", "Do you have a heart condition, high or low blood pressure, or a pacemaker?", "Heart or blood pressure"),
        new("allergy", "Are you allergic to any oils, nuts or lotions?", "Allergy to oils"),
        new("doctor", "Has a doctor or physiotherapist advised you to avoid or take care with massage?", "Doctor's advice"),
    ];

    public static HealthQuestion? Find(string code) => All.FirstOrDefault(q => q.Code == code);

    public static IReadOnlyList<string> Pressures { get; } = ["light", "medium", "firm", "unsure"];

    public static string PressureText(string? pressure) => pressure switch
    {
        "light" => "Light",
        "medium" => "Medium",
        "firm" => "Firm",
        "unsure" => "Not sure: the therapist will ask",
        _ => "Not given",
    };
}

/// <summary>
/// The separate, explicit consent for special-category (health) data. Change <see cref="Text"/> and you
/// must change <see cref="Version"/>: each stored answer keeps the version the client agreed to.
/// </summary>
public static class HealthConsent
{
    public const string Version = "2026-11-28.1";

    public const string Text =
        "I agree that Hemel Massage may keep my answers to these health questions, and how my pain feels, " +
        "so that my therapist can treat me safely. They are encrypted, seen only by my therapist and the clinic owner, " +
        "never sent by email, and deleted if I withdraw this consent. Without it, my therapist will ask me in person.";
}
