using HemelMassage.Web.Articles;
using HemelMassage.Web.Booking;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using HemelMassage.Web.Site;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddClinic();
builder.Services.AddData(builder.Configuration, builder.Environment);
builder.Services.AddArticles(builder.Environment);
builder.Services.AddBooking();
builder.Services.AddEmail();
builder.Services.AddSite();

var app = builder.Build();

await app.MigrateDatabaseAsync();

app.UseSite();
app.UseArticles();
app.MapSite();

await app.RunAsync();
