using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace HemelMassage.Web.Intake;

/// <summary>
/// Everything the client told us about their health, kept only as one encrypted blob: the yes/no answers,
/// the free text, and how the pain feels (intensity, since when, what makes it worse). <see cref="AreaScores"/> is
/// the 0..10 pain score the client gave for each felt area they scored (a <see cref="BodyRegions"/> code to its score;
/// null or absent for answers kept before scores existed): like the rest, only kept with the health consent.
/// </summary>
public sealed record HealthAnswers(
    IReadOnlyDictionary<string, bool> Answers,
    string? Details,
    string? AreasToAvoid,
    string? Pressure,
    int? Intensity,
    string? PainSince,
    string? PainWorse,
    IReadOnlyDictionary<string, int>? AreaScores = null)
{
    /// <summary>The questions answered "yes": each needs a conversation before the treatment.</summary>
    public IReadOnlyList<string> Flags =>
        [.. HealthQuestions.All.Where(q => Answers.TryGetValue(q.Code, out var yes) && yes).Select(q => q.Flag)];

    public bool NeedsConversation => Flags.Count > 0;
}

/// <summary>
/// Encrypts health answers with the app's one Data Protection key ring (persisted under
/// <c>&lt;DataDirectory&gt;/keys</c>), under a purpose of their own so no other protected payload can be read as one.
/// </summary>
public sealed class HealthAnswerProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "HemelMassage.Intake.HealthAnswers.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(HealthAnswers answers) => _protector.Protect(JsonSerializer.Serialize(answers));

    /// <summary>Null when there is nothing, or when the keys that sealed it are gone (restored database without its keys).</summary>
    public HealthAnswers? Unprotect(string? protectedAnswers)
    {
        if (string.IsNullOrEmpty(protectedAnswers))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<HealthAnswers>(_protector.Unprotect(protectedAnswers));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
