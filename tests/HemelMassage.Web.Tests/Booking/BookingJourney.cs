using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>Drives the booking pages as a browser would, one step per call.</summary>
public sealed class BookingJourney(HttpClient client)
{
    public const string TimesPage = "/book/times?treatment=deep-tissue&therapist=1&date=2026-12-08";

    public static Dictionary<string, string> Details(string name = "Ann Client", string email = "ann@example.com", string phone = "07700 900123") => new()
    {
        ["Name"] = name, ["Email"] = email, ["Phone"] = phone, ["Visit"] = "first", ["Note"] = "Lower back, left side", ["AcceptPolicy"] = "true",
    };

    public Task<HttpResponseMessage> ChooseAsync(string start, string therapist = "1", string treatment = "deep-tissue") =>
        client.PostFormAsync(TimesPage, "/book/times", new Dictionary<string, string>
        {
            ["Treatment"] = treatment, ["Therapist"] = therapist, ["Start"] = start,
        });

    /// <summary>Chooses the hour and fills in the details; returns the pending key, ready for review.</summary>
    public async Task<string> UpToReviewAsync(string start, string therapist = "1", string email = "ann@example.com")
    {
        var details = BookingSite.Location(await ChooseAsync(start, therapist));
        var key = details.Split('/')[^1];
        var review = BookingSite.Location(await client.PostFormAsync(details, details, Details(email: email)));
        Assert.Equal("/book/review/" + key, review);
        return key;
    }

    public Task<HttpResponseMessage> ConfirmAsync(string key) =>
        client.PostFormAsync("/book/review/" + key, "/book/review/" + key, new Dictionary<string, string>());
}
