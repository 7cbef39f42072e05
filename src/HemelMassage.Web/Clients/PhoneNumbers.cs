namespace HemelMassage.Web.Clients;

/// <summary>
/// A phone number as a search key: digits only, a UK number always from its leading 0, so
/// "07700900123", "07700 900123" and "+44 (0)7700 900123" are one key. The migration that added the
/// column fills it with the same steps in SQL; keep the two alike.
/// </summary>
public static class PhoneNumbers
{
    public static string Key(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "";
        }
        var digits = string.Concat(phone.Where(char.IsAsciiDigit));
        if (digits.StartsWith("0044", StringComparison.Ordinal))
        {
            digits = "0" + digits[4..];
        }
        else if (digits.StartsWith("44", StringComparison.Ordinal) && digits.Length >= 12)
        {
            digits = "0" + digits[2..];
        }
        // "+44 (0)7700 ..." leaves a doubled zero.
        return digits.StartsWith("00", StringComparison.Ordinal) ? digits[1..] : digits;
    }

    /// <summary>Whether a search term is meant as a phone number: only phone characters, and at least four digits.</summary>
    public static bool LooksLikePhone(string term) =>
        term.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-') && term.Count(char.IsAsciiDigit) >= 4;
}
