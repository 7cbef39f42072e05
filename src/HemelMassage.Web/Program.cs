using HemelMassage.Web.Account;
using HemelMassage.Web.Articles;
using HemelMassage.Web.Book;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.CalendarFeeds;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Closures;
using HemelMassage.Web.Data;
using HemelMassage.Web.Diary;
using HemelMassage.Web.Email;
using HemelMassage.Web.Intake;
using HemelMassage.Web.ManageBooking;
using HemelMassage.Web.PhoneBooking;
using HemelMassage.Web.Plans;
using HemelMassage.Web.Progress;
using HemelMassage.Web.Reports;
using HemelMassage.Web.Site;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Therapists;
using HemelMassage.Web.TreatmentNotes;
using HemelMassage.Web.Treatments;
using HemelMassage.Web.Waitlist;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddClinic();
builder.Services.AddData(builder.Configuration, builder.Environment);
builder.Services.AddArticles(builder.Environment);
builder.Services.AddTreatments();
builder.Services.AddTherapists();
builder.Services.AddClosures();
builder.Services.AddBookings();
builder.Services.AddBook();
builder.Services.AddManageBooking();
builder.Services.AddEmail();
builder.Services.AddSite();
builder.Services.AddStaff();
builder.Services.AddDiary();
builder.Services.AddPhoneBooking();
builder.Services.AddClients();
builder.Services.AddIntake();
builder.Services.AddPlans();
builder.Services.AddTreatmentNotes();
builder.Services.AddProgress();
builder.Services.AddReports();
builder.Services.AddWaitlist();
builder.Services.AddCalendarFeeds();
builder.Services.AddAccount();

var app = builder.Build();

await app.MigrateDatabaseAsync();

// `dotnet run -- create-owner you@example.com` or `-- backup path/to/file.db` runs the command and exits instead of serving.
if (await StaffCommands.TryRunAsync(app.Services, args, Console.Out) || await DatabaseBackup.TryRunAsync(app.Services, args, Console.Out))
{
    return;
}

app.UseSite();
app.UseArticles();
app.UseStaff();
app.MapSite();

await app.RunAsync();
