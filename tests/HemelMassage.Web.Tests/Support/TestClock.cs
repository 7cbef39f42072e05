using System.Diagnostics;
using System.Globalization;

namespace HemelMassage.Web.Tests.Support;

/// <summary>
/// A clock the test sets, which then runs on with real time: <see cref="GetUtcNow"/> is the instant last set plus
/// the real time since. Timers and delays (<c>Task.Delay(span, clock)</c>, <c>PeriodicTimer</c>) fire after real
/// time as usual, so a site's background loops (the email dispatcher) and Kestrel keep working, which a stopped
/// <c>FakeTimeProvider</c> would freeze. For a clock that stands still between steps, use <c>FakeTimeProvider</c>.
/// </summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>
    /// Monday 2 December 2030, 08:20 UTC (London is on GMT: local equals UTC). A morning, when the first free
    /// hours of the next day are inside the 24-hour cut-off, and ahead of the machine's clock: a browser judges a
    /// cookie's Expires by its own clock, so a site clock in the machine's past would drop such cookies at once.
    /// </summary>
    public static readonly DateTimeOffset DefaultStart = new(2030, 12, 2, 8, 20, 0, TimeSpan.Zero);

    /// <summary>
    /// <see cref="DefaultStart"/>, or the instant in <c>HEMEL_TEST_CLOCK</c> (ISO 8601, e.g.
    /// <c>2030-12-08T19:40:00Z</c>): how to run the suite as if it were another hour or day.
    /// </summary>
    public static DateTimeOffset Start { get; } = ReadStart();

    private readonly Lock _gate = new();
    private DateTimeOffset _setAt;
    private long _setTimestamp;

    public TestClock() : this(Start)
    {
    }

    public TestClock(DateTimeOffset start) => Set(start);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _setAt + Stopwatch.GetElapsedTime(_setTimestamp);
        }
    }

    /// <summary>From now on the clock reads <paramref name="instant"/>, and runs on from there.</summary>
    public void Set(DateTimeOffset instant)
    {
        lock (_gate)
        {
            _setAt = instant.ToUniversalTime();
            _setTimestamp = Stopwatch.GetTimestamp();
        }
    }

    public void Advance(TimeSpan by) => Set(GetUtcNow() + by);

    private static DateTimeOffset ReadStart()
    {
        var text = global::System.Environment.GetEnvironmentVariable("HEMEL_TEST_CLOCK");
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultStart;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
            ? start.ToUniversalTime()
            : throw new InvalidOperationException($"HEMEL_TEST_CLOCK is not an instant: \"{text}\" (use e.g. 2030-12-08T19:40:00Z).");
    }
}
