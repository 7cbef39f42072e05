namespace HemelMassage.Web.Account;

/// <summary>
/// The parts of a signed-in client's page, listed on <c>/account</c>: each feature of the page adds its entry
/// here, in the order a client looks for them.
/// </summary>
public static class AccountSections
{
    public static readonly IReadOnlyList<AccountSection> All =
    [
        new("My bookings", "/account/bookings", "Your visits to come and past ones: change or cancel, book again, and your places on the waitlist."),
    ];
}
