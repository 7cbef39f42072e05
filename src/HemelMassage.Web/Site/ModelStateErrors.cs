using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HemelMassage.Web.Site;

/// <summary>Every form's errors go into <see cref="ModelStateDictionary"/> here, and come out here for the page.</summary>
public static class ModelStateErrors
{
    /// <summary>The validator's messages, each under its field (<c>Prefix.Field</c> for a form bound with a prefix).</summary>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationResult result, string? prefix = null)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(prefix is null ? error.PropertyName : $"{prefix}.{error.PropertyName}", error.ErrorMessage);
        }
    }

    /// <summary>Identity's answers (a password it refused, say) under one field.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IdentityResult result, string key)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(key, error.Description);
        }
    }

    /// <summary>The first message for a field, or null; binding errors (a word posted for a yes/no) included.</summary>
    public static string? ErrorFor(this ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? Text(entry.Errors[0]) : null;

    /// <summary>Every message with its field, for the error summary at the top of a page.</summary>
    public static IEnumerable<(string Field, string Message)> AllErrors(this ModelStateDictionary modelState) =>
        modelState.Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(error => (e.Key, Text(error))));

    private static string Text(ModelError error) => error.ErrorMessage is { Length: > 0 } message ? message : "Please check this answer.";
}
