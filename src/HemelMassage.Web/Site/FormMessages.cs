using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace HemelMassage.Web.Site;

/// <summary>
/// Forms answer in the site's words only. MVC on its own treats every non-nullable string as [Required]
/// ("The Bio field is required.", though the validator and the label say otherwise) and words its binding
/// errors itself ("The value '' is invalid."). Here the validators alone decide what is required, and an
/// empty box binds as "" rather than null, so a non-nullable string is never null at runtime.
/// </summary>
public static class FormMessages
{
    public const string CheckThis = "Please check this answer.";
    public const string FillThisIn = "Please fill this in.";
    public const string Number = "Please enter a number.";

    public static void Apply(MvcOptions mvc)
    {
        mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        mvc.ModelMetadataDetailsProviders.Add(new EmptyStaysEmpty());
        var messages = mvc.ModelBindingMessageProvider;
        // A word posted where a yes/no or a number belongs gets a plain-English message, not a framework one.
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => CheckThis);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => CheckThis);
        messages.SetUnknownValueIsInvalidAccessor(_ => CheckThis);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => CheckThis);
        messages.SetValueIsInvalidAccessor(_ => CheckThis);
        messages.SetValueMustBeANumberAccessor(_ => Number);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => Number);
        messages.SetValueMustNotBeNullAccessor(_ => FillThisIn);
        messages.SetMissingBindRequiredValueAccessor(_ => FillThisIn);
        messages.SetMissingKeyOrValueAccessor(() => FillThisIn);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => FillThisIn);
    }

    /// <summary>
    /// An empty box posted for a non-nullable string property binds as "", as the property's type promises; and a
    /// yes/no or number is not "required" in MVC's words either (its data-val-required attribute said "The IsActive
    /// field is required." on every tick box).
    /// </summary>
    private sealed class EmptyStaysEmpty : IDisplayMetadataProvider, IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            if (!context.Attributes.OfType<System.ComponentModel.DataAnnotations.RequiredAttribute>().Any())
            {
                context.ValidationMetadata.IsRequired = false;
            }
        }

        private readonly NullabilityInfoContext _nullability = new();

        public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
        {
            if (context.Key.ModelType == typeof(string) && context.Key.PropertyInfo is { } property)
            {
                lock (_nullability)
                {
                    if (_nullability.Create(property).WriteState == NullabilityState.NotNull)
                    {
                        context.DisplayMetadata.ConvertEmptyStringToNull = false;
                    }
                }
            }
        }
    }
}
