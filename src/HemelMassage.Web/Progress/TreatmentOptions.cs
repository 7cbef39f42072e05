using System.ComponentModel.DataAnnotations;

namespace HemelMassage.Web.Progress;

/// <summary>Section <c>Treatment</c>: when the record asks the therapist to review the plan or refer.</summary>
public sealed class TreatmentOptions
{
    public const string Section = "Treatment";

    /// <summary>
    /// A felt area whose pain score is no lower after this many visits than it was at the first asks for "review the
    /// plan or refer" on the booking and the day sheet.
    /// </summary>
    [Range(1, 50, ErrorMessage = "Treatment:ReviewAfterVisits must be a number of visits from 1 to 50.")]
    public int ReviewAfterVisits { get; set; } = 3;
}
