using System.Text;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Account;

public sealed record MyDataPage(DateTime? ErasureRequestedAtUtc);

/// <summary>
/// "My data" (<c>/account/data</c>): the download of everything held, made by the very code of the Owner's export
/// (<see cref="ClientPrivacy.ExportAsync"/>) so the two cannot differ, and the request to be erased, which the Owner acts on.
/// </summary>
[PrivatePage]
public sealed class MyDataController(ClientPrivacy privacy, MyDetails details) : Controller
{
    [HttpGet("/account/data")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (await ClientSessions.ClientIdAsync(HttpContext) is not int clientId
            || await details.PageAsync(clientId, null, cancellationToken) is not { } page)
        {
            return Redirect("/account");
        }
        return View("Data", new MyDataPage(page.ErasureRequestedAtUtc));
    }

    /// <summary>A GET, as the Owner's export is: it reads and audits (as the client's own read), it changes nothing of the record.</summary>
    [HttpGet("/account/data/download")]
    public async Task<IActionResult> Download(CancellationToken cancellationToken)
    {
        if (await ClientSessions.ClientIdAsync(HttpContext) is not int clientId
            || await privacy.ExportAsync(clientId, MyDetails.Actor(clientId), cancellationToken) is not string json)
        {
            return Redirect("/account");
        }
        return File(Encoding.UTF8.GetBytes(json), "application/json", "my-data-hemel-massage.json");
    }

    [HttpPost("/account/data/erasure")]
    public async Task<IActionResult> AskForErasure(CancellationToken cancellationToken)
    {
        if (await ClientSessions.ClientIdAsync(HttpContext) is not int clientId || !await details.RequestErasureAsync(clientId, cancellationToken))
        {
            return Redirect("/account");
        }
        TempData["Notice"] = "Your request is recorded. The clinic will erase your details and tell you when it is done.";
        return Redirect("/account/data");
    }
}
