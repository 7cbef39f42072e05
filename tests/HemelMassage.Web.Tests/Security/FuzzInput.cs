using System.Text;

namespace HemelMassage.Web.Tests.Security;

/// <summary>Hostile values and bodies for the fuzz test, all from one seeded <see cref="Random"/>.</summary>
public sealed class FuzzInput(int seed)
{
    private readonly Random _random = new(seed);

    // Never a valid email, slot value or "true": every post is meant to be refused.
    private static readonly string[] Hostile =
    [
        "", " ", "\0", "\u0001\u0002\u0003", "\r\n\r\nSet-Cookie: x=y", "\t\v\f", "\u202Eevil\u202C", "\u200B\u200D\uFEFF",
        "' OR 1=1 --", "'; DROP TABLE Appointments; --", "1; DELETE FROM Clients", "\" OR \"\"=\"", "%' UNION SELECT * FROM AspNetUsers --",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://x}", "../../etc/passwd",
        "Ω≈ç√∫˜µ≤≥÷", "👩‍⚕️💆🏽‍♀️", "ｔｒｕｅ", "ᴛʀᴜᴇ", "-1", "0", "2147483648", "-9223372036854775809", "1e308", "NaN", "null", "undefined",
        "[]", "{}", "yes", "on", "1", "tru", "false ", "2026-02-30T10:00Z", "2026-12-08T10:07Z", "2026-12-08T25:00Z", "9999-12-31T23:59Z",
        "0001-01-01T00:00Z", "2026-12-08", "any'", "any", "-", "@", "a@", "@b", "a@@b.c", "first", "returning", "FIRST", "sports-massage'",
    ];

    private static readonly string[] Fields = ["Treatment", "Therapist", "Start", "Pending", "Name", "Email", "Phone", "Visit", "Note", "AcceptPolicy", "Website", "ReturnUrl", "Password", "Code", "Id", "Status", "Price", "Duration"];

    /// <summary>Every hostile value of the list, once each, for the pass that puts each into every field of every form.</summary>
    public static IReadOnlyList<string> HostileValues => Hostile;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A form body with <paramref name="value"/> in every expected field, and the token.</summary>
    public static string EveryField(IEnumerable<string> expected, string value, string antiforgeryToken) =>
        string.Join('&', expected.Select(field => field + "=" + Uri.EscapeDataString(value))
            .Append("__RequestVerificationToken=" + Uri.EscapeDataString(antiforgeryToken)));

    public int Next(int max) => _random.Next(max);

    public string Value() => _random.Next(12) switch
    {
        0 => new string(Pick(Hostile).FirstOrDefault('x'), _random.Next(40) == 0 ? 200_000 : 3_000),
        1 => RandomText(_random.Next(1, 300)),
        _ => Pick(Hostile),
    };

    private string RandomText(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(_random.Next(4) switch
            {
                0 => (char)_random.Next(0, 32),
                1 => (char)_random.Next(0x0590, 0x06FF),
                2 => (char)_random.Next(0x2000, 0x206F),
                _ => (char)_random.Next(32, 127),
            });
        }
        return text.ToString();
    }

    /// <summary>A form body: the expected fields with hostile values, some missing, some twice, some unknown, sometimes a lone surrogate.</summary>
    public string FormBody(IEnumerable<string> expected, string? antiforgeryToken)
    {
        var pairs = new List<string>();
        foreach (var field in expected.Concat(Enumerable.Range(0, _random.Next(3)).Select(_ => Pick(Fields))))
        {
            var copies = _random.Next(6) switch { 0 => 0, 1 => 2, _ => 1 };
            for (var i = 0; i < copies; i++)
            {
                pairs.Add(field + "=" + (_random.Next(12) == 0 ? "%ED%A0%80" + Uri.EscapeDataString("lone") + "%ED%B0%80%FF%FE" : Uri.EscapeDataString(Value())));
            }
        }
        if (antiforgeryToken is not null)
        {
            pairs.Add("__RequestVerificationToken=" + (_random.Next(10) == 0 ? Uri.EscapeDataString(Value()) : Uri.EscapeDataString(antiforgeryToken)));
        }
        if (_random.Next(20) == 0)
        {
            pairs.Add("%zz=%%&=&&==");
        }
        return string.Join('&', pairs.OrderBy(_ => _random.Next()));
    }

    public HttpContent Content(string body) => _random.Next(10) switch
    {
        0 => new StringContent("{\"Name\":" + System.Text.Json.JsonSerializer.Serialize(Value()) + ",\"AcceptPolicy\":1}", Encoding.UTF8, "application/json"),
        1 => new StringContent(body, Encoding.UTF8, "text/plain"),
        2 => Multipart(body),
        3 => new ByteArrayContent([.. Enumerable.Range(0, _random.Next(1, 2000)).Select(_ => (byte)_random.Next(256))]) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } },
        _ => new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
    };

    private MultipartFormDataContent Multipart(string body)
    {
        var multipart = new MultipartFormDataContent("----fuzz" + _random.Next());
        foreach (var pair in body.Split('&').Where(p => p.Contains('=', StringComparison.Ordinal)))
        {
            var parts = pair.Split('=', 2);
            if (string.IsNullOrWhiteSpace(Uri.UnescapeDataString(parts[0])))
            {
                continue;
            }
            multipart.Add(new StringContent(Uri.UnescapeDataString(parts[1])), Uri.UnescapeDataString(parts[0]));
        }
        return multipart;
    }
}
