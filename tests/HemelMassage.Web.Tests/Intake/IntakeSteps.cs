using HemelMassage.Web.Tests.Support;
using System.Net;
using HemelMassage.Web.Intake;
using HemelMassage.Web.Tests.Booking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Intake;

/// <summary>The details step posted as a browser with no script posts it: repeated Regions fields, Answers[code] radios.</summary>
public static class IntakeSteps
{
    public static List<KeyValuePair<string, string>> Details(params string[] regions)
    {
        var fields = BookingJourney.Details().ToList();
        fields.AddRange(regions.Select(r => KeyValuePair.Create("Regions", r)));
        return fields;
    }

    /// <summary>Consent given and every question answered "no", except the ones named "yes".</summary>
    public static List<KeyValuePair<string, string>> WithHealth(this List<KeyValuePair<string, string>> fields, params string[] yes)
    {
        fields.Add(KeyValuePair.Create("HealthConsent", "true"));
        fields.AddRange(HealthQuestions.All.Select(q => KeyValuePair.Create($"Answers[{q.Code}]", yes.Contains(q.Code) ? "yes" : "no")));
        return fields;
    }

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(KeyValuePair.Create(name, value));
        return fields;
    }

    /// <summary>Chooses the hour and posts the details; returns the response and the pending key.</summary>
    public static async Task<(HttpResponseMessage Response, string Key)> PostDetailsAsync(HttpClient client, string start, List<KeyValuePair<string, string>> fields)
    {
        var details = BookingSite.Location(await new BookingJourney(client).ChooseAsync(start));
        return (await client.PostFormAsync(details, details, fields), details.Split('/')[^1]);
    }

    /// <summary>Books the hour with these details, through review and confirm; returns the booking id.</summary>
    public static async Task<int> BookAsync(BookingSite site, HttpClient client, string start, List<KeyValuePair<string, string>> fields)
    {
        var (response, key) = await PostDetailsAsync(client, start, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await new BookingJourney(client).ConfirmAsync(key)).StatusCode);
        return await site.WithDbAsync(db => db.PendingBookings.Where(p => p.Key == key).Select(p => p.BookingId!.Value).SingleAsync());
    }

    public static Task<BookingIntake> IntakeAsync(this BookingSite site, int bookingId) =>
        site.WithDbAsync(db => db.Intakes.AsNoTracking().SingleAsync(i => i.BookingId == bookingId));

    public static HealthAnswers? Decrypt(this BookingSite site, BookingIntake intake) =>
        site.Services.GetRequiredService<HealthAnswerProtector>().Unprotect(intake.ProtectedAnswers);
}
