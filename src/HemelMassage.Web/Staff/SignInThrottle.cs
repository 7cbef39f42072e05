namespace HemelMassage.Web.Staff;

/// <summary>
/// Slows down whoever keeps getting the password wrong, instead of locking the account: after a number of
/// free failures each further attempt must wait, 1 minute, then 2, 4, 8, at most 15. Three counters, and an
/// attempt waits for the longest: one account from one address (5 free), one address on any accounts (20 free,
/// credential stuffing), and one account from everywhere (20 free, a guesser with many addresses), which
/// browsers that have signed in to that account before skip (<see cref="TrustedBrowsers"/>), so strangers
/// cannot keep its owner out. Counters are keyed on the email typed, whether or not it has an account, and
/// are forgotten a day after their last failure. They live in this instance's memory, like the rate limits.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFromOneAddress = 5;
    public const int FreePerAddress = 20;
    public const int FreePerAccount = 20;
    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);
    private const int MaxCounters = 100_000;

    private readonly Dictionary<string, Failures> _counters = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>
    /// Null when the attempt may go ahead, else how long to wait. An attempt that goes ahead counts as a failure
    /// at once, so guesses sent in parallel count too; <see cref="Succeeded"/> gives it back.
    /// </summary>
    public TimeSpan? TryStart(string account, string address, bool trustedBrowser)
    {
        var counters = Counters(account, address, trustedBrowser);
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var wait = counters.Max(c => WaitFor(c.Key, c.Free, now));
            if (wait > TimeSpan.Zero)
            {
                return wait;
            }
            foreach (var (key, free) in counters)
            {
                Count(key, free, now);
            }
            return null;
        }
    }

    /// <summary>The password was right: this address starts afresh on this account, and the attempt is not held against the others.</summary>
    public void Succeeded(string account, string address, bool trustedBrowser)
    {
        lock (_lock)
        {
            foreach (var (key, _) in Counters(account, address, trustedBrowser))
            {
                if (key.StartsWith("pair|", StringComparison.Ordinal))
                {
                    _counters.Remove(key);
                }
                else if (_counters.TryGetValue(key, out var failures) && failures.Count > 0)
                {
                    failures.Count--;
                }
            }
        }
    }

    /// <summary>The Owner unlocked the account: every counter on it, from any address, starts afresh.</summary>
    public void Forgive(string account)
    {
        lock (_lock)
        {
            _counters.Remove("account|" + account);
            foreach (var key in _counters.Keys.Where(k => k.StartsWith("pair|" + account + "|", StringComparison.Ordinal)).ToList())
            {
                _counters.Remove(key);
            }
        }
    }

    private static List<(string Key, int Free)> Counters(string account, string address, bool trustedBrowser)
    {
        List<(string, int)> counters = [("pair|" + account + "|" + address, FreeFromOneAddress), ("address|" + address, FreePerAddress)];
        if (!trustedBrowser)
        {
            counters.Add(("account|" + account, FreePerAccount));
        }
        return counters;
    }

    private TimeSpan WaitFor(string key, int free, DateTimeOffset now)
    {
        if (!_counters.TryGetValue(key, out var failures) || now - failures.Last >= ForgetAfter || failures.Count < free)
        {
            return TimeSpan.Zero;
        }
        var doublings = Math.Min(failures.Count - free, 10);
        var wait = TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, FirstWait.Ticks << doublings));
        var left = failures.Last + wait - now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private void Count(string key, int free, DateTimeOffset now)
    {
        if (!_counters.TryGetValue(key, out var failures))
        {
            if (_counters.Count >= MaxCounters && !Prune(now))
            {
                // Full of counters that are all slowing someone down: the new one goes uncounted rather than evicting them.
                return;
            }
            _counters[key] = failures = new Failures { Free = free };
        }
        if (now - failures.Last >= ForgetAfter)
        {
            failures.Count = 0;
        }
        failures.Count++;
        failures.Last = now;
    }

    // Forgets expired counters, then ones below their free allowance; true when there is room again.
    private bool Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _counters.ToList())
        {
            if (now - failures.Last >= ForgetAfter || failures.Count < failures.Free)
            {
                _counters.Remove(key);
            }
        }
        return _counters.Count < MaxCounters;
    }

    private sealed class Failures
    {
        public int Count { get; set; }
        public int Free { get; init; }
        public DateTimeOffset Last { get; set; }
    }
}
