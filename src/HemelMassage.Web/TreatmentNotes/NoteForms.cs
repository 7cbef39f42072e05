using FluentValidation;

namespace HemelMassage.Web.TreatmentNotes;

/// <summary>The note's four texts and the version the form was shown at; <see cref="Sign"/> saves and signs in one step.</summary>
public class NoteForm
{
    public string? Subjective { get; set; }
    public string? Objective { get; set; }
    public string? Assessment { get; set; }
    public string? Plan { get; set; }
    public int Version { get; set; }
    public bool Sign { get; set; }

    public SoapText Text => new(Clean(Subjective), Clean(Objective), Clean(Assessment), Clean(Plan));

    public static T From<T>(SoapText text, int version) where T : NoteForm, new() =>
        new() { Subjective = text.Subjective, Objective = text.Objective, Assessment = text.Assessment, Plan = text.Plan, Version = version };

    private static string Clean(string? text) => text?.Trim() ?? "";
}

/// <summary>A change to a signed note: the whole text as it should read, and why (required).</summary>
public sealed class AmendmentForm : NoteForm
{
    public string? Reason { get; set; }
}

public class NoteFormValidator : AbstractValidator<NoteForm>
{
    public const int MaxLength = 4000;

    public NoteFormValidator()
    {
        Text(f => f.Subjective, "Subjective");
        Text(f => f.Objective, "Objective");
        Text(f => f.Assessment, "Assessment");
        Text(f => f.Plan, "Plan");
        RuleFor(f => f).Must(f => f.Sign is false || f.Text != SoapText.Empty)
            .WithName(nameof(NoteForm.Subjective)).OverridePropertyName(nameof(NoteForm.Subjective))
            .WithMessage("An empty note cannot be signed: write what you found and did first.");
    }

    private void Text(System.Linq.Expressions.Expression<Func<NoteForm, string?>> field, string part) =>
        RuleFor(field).Cascade(CascadeMode.Stop)
            .MaximumLength(MaxLength).WithMessage($"Please keep the {part} to {MaxLength} characters.")
            .Must(t => t is null || t.All(c => !char.IsControl(c) || c is '\n' or '\r' or '\t'))
            .WithMessage($"The {part} has characters that cannot be kept; please type it again.");
}

public sealed class AmendmentFormValidator : AbstractValidator<AmendmentForm>
{
    public AmendmentFormValidator()
    {
        Include(new NoteFormValidator());
        RuleFor(f => f.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Please say why the signed note is being changed: an amendment needs a reason.")
            .MaximumLength(500).WithMessage("Please keep the reason to 500 characters.")
            .Must(t => t is null || t.All(c => !char.IsControl(c))).WithMessage("The reason has characters that cannot be kept; please type it again.");
    }
}
