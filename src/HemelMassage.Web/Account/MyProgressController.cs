using HemelMassage.Web.Progress;
using HemelMassage.Web.Site;
using HemelMassage.Web.TreatmentNotes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Account;

/// <summary>
/// "My progress" (<c>/account/progress</c>): the felt areas and scores over visits in the words of the staff's progress
/// page (<see cref="AreaProgress.Words"/>), and the signed notes when the clinic turns that on (<see cref="AccountOptions.ShowTherapistNotes"/>). Restricted visits (an erasure asked for within the retention period) are
/// never read; the read is audited as the client's own.
/// </summary>
/// <param name="Notes">The signed notes by booking id; empty unless the clinic shows them.</param>
public sealed record MyProgressView(ClientProgress Progress, IReadOnlyDictionary<int, SoapText> Notes);

[PrivatePage]
public sealed class MyProgressController(ClinicalRecords records, IOptions<TreatmentOptions> options, IOptions<AccountOptions> account) : Controller
{
    [HttpGet("/account/progress")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (await ClientSessions.ClientIdAsync(HttpContext) is not int clientId)
        {
            return Redirect("/account");
        }
        var visits = await records.ReadAsync(clientId, includeRestricted: false, MyDetails.Actor(clientId), cancellationToken);
        // The clinic's choice (Account:ShowTherapistNotes): signed notes only, read and audited as the client's own.
        var notes = account.Value.ShowTherapistNotes
            ? await records.SignedNotesAsync(clientId, MyDetails.Actor(clientId), cancellationToken)
            : new Dictionary<int, SoapText>();
        return View("Progress", new MyProgressView(ClientProgress.Of(visits, options.Value.ReviewAfterVisits), notes));
    }
}
