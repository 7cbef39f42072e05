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
        new("My details", "/account/details", "Your name and phone, the emails you want from us, and your consent to keep your health answers."),
        new("My progress", "/account/progress", "Where you felt it and your pain scores over your visits, beside what your therapist worked."),
        new("My data", "/account/data", "Download everything we hold about you, or ask us to erase it."),
    ];
}
