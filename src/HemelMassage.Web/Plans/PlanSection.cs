using System.Globalization;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Diary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Plans;

/// <summary>The plan part of a booking's page: the plan as it stands and, for those who may change it, the form.</summary>
public sealed record PlanSection(int BookingId, TreatmentPlan? Plan, bool MayChange, bool Kept, PlanForm Form)
{
    public static PlanSection Of(Booking booking, TreatmentPlan? plan, bool mayChange) =>
        new(booking.Id, plan, mayChange, PlanCourse.Kept(booking.Status), new PlanForm
        {
            Visits = plan?.Visits.ToString(CultureInfo.InvariantCulture),
            EveryWeeks = plan?.EveryWeeks.ToString(CultureInfo.InvariantCulture),
        });

    public string? Summary => Plan is { } p ? $"{PlanRules.Describe(p.Visits, p.EveryWeeks)} (set by {p.SetBy}, {ClinicTime.Brief(p.SetAtUtc)})" : null;
}

/// <summary>Renders <see cref="PlanSection"/> on the staff booking page, beside the areas worked.</summary>
public sealed class BookingPlanViewComponent(ClinicDbContext db, StaffViewer viewer, PlanRecords plans) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int bookingId)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(a => a.Id == bookingId);
        if (booking is null || !await viewer.MaySeeAsync(booking, HttpContext.RequestAborted))
        {
            return Content("");
        }
        var plan = await plans.FindAsync(bookingId, HttpContext.RequestAborted);
        return View("~/Plans/Views/_Plan.cshtml", PlanSection.Of(booking, plan, await viewer.MaySeeNoteAsync(booking, HttpContext.RequestAborted)));
    }
}

/// <summary>Clients due a planned visit with none booked: on the diary's day view (every client the viewer may see) and a client's page.</summary>
public sealed class DuePlansViewComponent(StaffViewer viewer, PlanRecords plans, TimeProvider clock) : ViewComponent
{
    /// <param name="therapistId">The therapist whose diary is shown, or null for the whole clinic; a therapist always sees only their own.</param>
    public async Task<IViewComponentResult> InvokeAsync(int? clientId, int? therapistId = null)
    {
        var only = await viewer.OnlyTherapistAsync(HttpContext.RequestAborted) ?? therapistId;
        var due = await plans.DueAsync(clientId, only, HttpContext.RequestAborted);
        return View("~/Plans/Views/_Due.cshtml", new DueList(due, viewer.IsDesk, clientId is not null, DateOnly.FromDateTime(ClinicTime.ToLocal(clock.GetUtcNow().UtcDateTime))));
    }
}

/// <param name="MayBook">Reception and the Owner: each client gets a "Book" link into the phone booking form.</param>
public sealed record DueList(IReadOnlyList<DueClient> Clients, bool MayBook, bool ForOneClient, DateOnly Today)
{
    /// <summary>The phone booking form filled with client, therapist and treatment, on the due date (today once it is past).</summary>
    public string BookLink(DueClient due) =>
        $"/admin/bookings/new?client={due.ClientId}&therapist={due.TherapistId}&treatment={due.TreatmentId}&date={(due.DueDate < Today ? Today : due.DueDate):yyyy-MM-dd}";
}
