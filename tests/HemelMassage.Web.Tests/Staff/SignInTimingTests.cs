using System.Diagnostics;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HemelMassage.Web.Tests.Staff;

public sealed class SignInTimingTests(ITestOutputHelper output)
{
    private const int Rounds = 7;

    [Fact]
    public async Task An_unknown_email_and_a_locked_account_take_about_as_long_to_refuse_as_a_wrong_password()
    {
        using var site = new SiteFactory().WithPeerAddresses().WithRealPasswordHashing();
        var known = await site.CreateStaffAsync("Therapist");
        var locked = await site.CreateStaffAsync("Owner");
        using (var scope = site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id))!, DateTimeOffset.MaxValue);
        }
        var cases = new (string Name, string Email, string Password)[]
        {
            ("unknown email", "nobody-here@example.com", StaffHelpers.GoodPassword),
            ("wrong password", known.Email!, "not the right password"),
            ("locked account", locked.Email!, StaffHelpers.GoodPassword),
        };
        var times = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var address = 0;

        // Round 0 warms up (the first dummy hash is made then); each round runs the three in a new order, each
        // attempt from an address of its own so that no slow-down applies, and only the POST is timed.
        for (var round = 0; round <= Rounds; round++)
        {
            foreach (var (name, email, password) in cases.Skip(round % 3).Concat(cases.Take(round % 3)))
            {
                var client = site.CreatePageClient().From($"198.51.100.{++address}");
                var token = Forms.Token(await client.GetStringAsync("/admin/account/sign-in"));
                using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token });
                var watch = Stopwatch.StartNew();
                var response = await client.PostAsync("/admin/account/sign-in", form);
                watch.Stop();
                Assert.Contains(SignInController.NoMatch, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                if (round > 0)
                {
                    times[name].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        var median = times.ToDictionary(t => t.Key, t => t.Value.Order().ElementAt(Rounds / 2));
        output.WriteLine(string.Join(", ", median.Select(m => $"{m.Key} {m.Value:F1} ms")));
        var wrong = median["wrong password"];
        Assert.InRange(median["unknown email"], wrong / 3, wrong * 3);
        Assert.InRange(median["locked account"], wrong / 3, wrong * 3);
    }
}
