using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HemelMassage.Web.Booking;

public sealed record BookStartView(IReadOnlyList<TreatmentChoice> Treatments, string? Selected, bool ShortRequest, bool Unknown);

public sealed record TherapistPickView(TreatmentChoice Treatment, IReadOnlyList<TherapistSchedule> Therapists, string? Selected);

/// <summary>The date and time step: upcoming dates with free times, and the chosen day's times.</summary>
public sealed record TimesView(
    TreatmentChoice Treatment, string Therapist, string TherapistLabel, Schedule Schedule,
    IReadOnlyList<DateOnly> Dates, DateOnly? Date, IReadOnlyList<Slot> Times,
    string? Problem, string? Pending, string? Chosen, string FormAction, string DateAction)
{
    /// <summary>False where the page is output-cached for every visitor; its POST checks the origin instead.</summary>
    public bool AntiforgeryToken { get; init; } = true;

    /// <summary>The earliest free hour of all, for the "next free time" jump.</summary>
    public Slot? NextFree { get; init; }
}

/// <summary>What the client chose so far, as shown on the details, review and confirmation pages.</summary>
/// <param name="ByPhoneOnly">The hour is inside the cancellation cut-off: once booked, only a phone call changes it.</param>
public sealed record BookingSummary(string Key, string Treatment, string Price, string Therapist, string When, string ChangeTimeUrl, bool ByPhoneOnly = false);

public sealed record DetailsView(BookingSummary Summary, DetailsForm Form);

/// <param name="Email">Where the confirmation (and its manage link) is sent.</param>
/// <param name="ChangeOnlineUntilUtc">Until when the booking may be changed online; null when it is already inside the cut-off.</param>
public sealed record ConfirmationView(string Reference, string Treatment, string Therapist, string When, string? ManageUrl, string CalendarUrl,
    string Email, DateTime? ChangeOnlineUntilUtc);

public sealed record ManageView(string Token, string Reference, string Treatment, string Therapist, string When, bool CanChange, string? Message);

public static class ModelStateText
{
    public static void AddErrors(this ModelStateDictionary modelState, ValidationResult result)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }
    }

    /// <summary>The first message for a field, or null; binding errors (a word posted for a yes/no) included.</summary>
    public static string? ErrorFor(this ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage is { Length: > 0 } message ? message : "Please check this answer."
            : null;

    public static IEnumerable<(string Field, string Message)> AllErrors(this ModelStateDictionary modelState) =>
        modelState.Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => (e.Key, e.Value!.Errors[0].ErrorMessage is { Length: > 0 } m ? m : "Please check this answer."));
}
