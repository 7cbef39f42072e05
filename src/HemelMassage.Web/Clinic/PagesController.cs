using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HemelMassage.Web.Clinic;

/// <summary>The clinic's plain information pages.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class PagesController : Controller
{
    [HttpGet("/about")]
    public IActionResult About() => View();

    [HttpGet("/contact")]
    public IActionResult Contact() => View();

    [HttpGet("/privacy")]
    public IActionResult Privacy() => View();
}
