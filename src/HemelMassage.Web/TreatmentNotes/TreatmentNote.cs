namespace HemelMassage.Web.TreatmentNotes;

/// <summary>
/// The SOAP note of one visit, written by the treating therapist; one row per booking (the key is the booking's id).
/// The four texts are one <see cref="SoapText"/> sealed by <see cref="ClinicalRecordProtector.ProtectNote"/>: nothing of
/// what was written is readable in the database. A draft may be saved again and again; once <see cref="SignedAtUtc"/> is
/// set the row's text never changes again, and later changes are <see cref="TreatmentNoteAmendment"/> rows beside it.
/// </summary>
public sealed class TreatmentNote
{
    public int BookingId { get; set; }
    /// <summary><see cref="SoapText"/> as JSON, encrypted under <see cref="ClinicalRecordProtector.NotePurpose"/>.</summary>
    public string ProtectedText { get; set; } = "";
    /// <summary>The staff account (Identity user id) and display name of whoever wrote the draft.</summary>
    public string WrittenByUserId { get; set; } = "";
    public string WrittenBy { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>Null while a draft; set once, when signed, and then the text is locked.</summary>
    public DateTime? SignedAtUtc { get; set; }
    public string? SignedBy { get; set; }
    /// <summary>Raised on every save, sign and amendment: a form showing an older version changes nothing (EF concurrency token).</summary>
    public int Version { get; set; }
    /// <summary>
    /// Set when the client asked for erasure inside the clinical retention period: the record is kept (insurers require it)
    /// but hidden from everyone but the Owner. The reason is also written to the audit log.
    /// </summary>
    public DateTime? RestrictedAtUtc { get; set; }
    public string? RestrictedBy { get; set; }
    public string? RestrictedReason { get; set; }
    public bool IsRestricted => RestrictedAtUtc is not null;
    public bool IsSigned => SignedAtUtc is not null;
}

/// <summary>A change to a signed note: who, when, why, and the whole text as it reads after the change (both sealed).</summary>
public sealed class TreatmentNoteAmendment
{
    public int Id { get; set; }
    public int BookingId { get; set; }
    public DateTime AtUtc { get; set; }
    public string ByUserId { get; set; } = "";
    public string By { get; set; } = "";
    /// <summary><see cref="AmendmentText"/> (the reason and the amended <see cref="SoapText"/>) as JSON, encrypted under <see cref="ClinicalRecordProtector.NotePurpose"/>.</summary>
    public string ProtectedText { get; set; } = "";
}

/// <summary>The note's four parts (Subjective, Objective, Assessment, Plan), plain only in memory.</summary>
public sealed record SoapText(string Subjective, string Objective, string Assessment, string Plan)
{
    public static SoapText Empty { get; } = new("", "", "", "");
}

/// <summary>What an amendment holds once decrypted: why, and the note's whole text after it.</summary>
public sealed record AmendmentText(string Reason, SoapText Text);
