using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace HemelMassage.Web.TreatmentNotes;

/// <summary>
/// Seals the treatment record with the app's one Data Protection key ring, under purposes of its own (one for visit
/// scores, one for notes and amendments), so neither can be read as the other or as intake answers. Unprotecting gives
/// null when there is nothing or the keys that sealed it are gone (a database restored without its keys).
/// </summary>
public sealed class ClinicalRecordProtector(IDataProtectionProvider provider)
{
    public const string ScoresPurpose = "HemelMassage.TreatmentNotes.VisitScores.v1";
    public const string NotePurpose = "HemelMassage.TreatmentNotes.Note.v1";

    private readonly IDataProtector _scores = provider.CreateProtector(ScoresPurpose);
    private readonly IDataProtector _notes = provider.CreateProtector(NotePurpose);

    public string ProtectScores(ScoreSheet scores) => _scores.Protect(JsonSerializer.Serialize(scores));

    public ScoreSheet? UnprotectScores(string? sealedScores) => Open<ScoreSheet>(_scores, sealedScores);

    public string ProtectNote(SoapText text) => _notes.Protect(JsonSerializer.Serialize(text));

    public SoapText? UnprotectNote(string? sealedText) => Open<SoapText>(_notes, sealedText);

    public string ProtectAmendment(AmendmentText amendment) => _notes.Protect(JsonSerializer.Serialize(amendment));

    public AmendmentText? UnprotectAmendment(string? sealedText) => Open<AmendmentText>(_notes, sealedText);

    private static T? Open<T>(IDataProtector protector, string? sealedText) where T : class
    {
        if (string.IsNullOrEmpty(sealedText))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(protector.Unprotect(sealedText));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
