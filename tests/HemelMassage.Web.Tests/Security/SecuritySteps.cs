using HemelMassage.Web.Tests.Support;
using System.Text.RegularExpressions;
using HemelMassage.Web.Tests.Booking;

namespace HemelMassage.Web.Tests.Security;

/// <summary>Small steps the security tests share: book an hour and keep its manage link.</summary>
public static partial class SecuritySteps
{
    public static string ManageLink(string confirmationPage)
    {
        var match = ManagePattern().Match(confirmationPage);
        Assert.True(match.Success, "No manage link on the confirmation page");
        return match.Groups[1].Value;
    }

    public static async Task<string> BookAsync(HttpClient client, string start, Dictionary<string, string>? details = null)
    {
        var journey = new BookingJourney(client);
        var chosen = BookingSite.Location(await journey.ChooseAsync(start));
        var review = BookingSite.Location(await client.PostFormAsync(chosen, chosen, details ?? BookingJourney.Details()));
        var done = BookingSite.Location(await journey.ConfirmAsync(review.Split('/')[^1]));
        return ManageLink(await client.GetStringAsync(done));
    }

    [GeneratedRegex("href=\"[^\"]*?(/booking/[A-Za-z0-9_-]+)\"")]
    private static partial Regex ManagePattern();
}
