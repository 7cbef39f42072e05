using BenchmarkDotNet.Attributes;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HemelMassage.Benchmarks;

/// <summary>
/// Writing one email as the outbox row is written (subject, HTML, plain text and, for the confirmation,
/// the .ics), through the site's own composer: the cost a booking's transaction pays per email.
/// </summary>
[MemoryDiagnoser]
public class EmailBenchmarks
{
    private IHost _host = null!;
    private BookingEmailComposer _composer = null!;
    private BookingNotice _notice = null!;
    private FollowUpNotice _followUp = null!;

    [GlobalSetup]
    public void Setup()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clinic:Name"] = "Hemel Massage", ["Clinic:BaseUrl"] = "https://hemelmassage.example",
            ["Clinic:StreetAddress"] = "12 Example Road", ["Clinic:Locality"] = "Hemel Hempstead", ["Clinic:Region"] = "Hertfordshire",
            ["Clinic:PostalCode"] = "HP1 1AA", ["Clinic:Phone"] = "01442 000000", ["Clinic:Email"] = "hello@hemelmassage.example",
            ["Clinic:Directions"] = "Five minutes' walk from the town centre.",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddClinic();
        builder.Services.AddBookings();
        builder.Services.AddEmail();
        builder.Services.AddSingleton(TimeProvider.System);
        _host = builder.Build();
        _composer = _host.Services.GetRequiredService<BookingEmailComposer>();
        var start = new DateTime(2026, 12, 8, 10, 0, 0, DateTimeKind.Utc);
        _notice = new BookingNotice(7, "HM-ABCDEF", "Ann Client", "ann@example.com", "Deep tissue massage", "Sarah",
            start, TreatmentLength.EndOf(start), "https://hemelmassage.example/booking/token", Guid.NewGuid(), 0);
        _followUp = new FollowUpNotice(7, "Ann Client", "ann@example.com", start, ["Lower back"],
            [new FollowUpReason(["Right hip flexor (front of hip)", "Left back of thigh (hamstrings)"], "Tight hip flexors tilt the pelvis forward.")],
            ["Lower back"], [new EmailLink("Hip flexors and your back", "https://hemelmassage.example/articles/hip-flexors")]);
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    /// <summary>HTML, text and the .ics invitation.</summary>
    [Benchmark]
    public ComposedEmail Confirmation() => _composer.Confirmation(_notice);

    /// <summary>HTML and text only: the templates' cost without the calendar.</summary>
    [Benchmark]
    public ComposedEmail Reminder() => _composer.Reminder(_notice);

    [Benchmark]
    public ComposedEmail Follow_up() => _composer.FollowUp(_followUp);
}
