using System.Globalization;
using System.Text;

namespace HemelMassage.Web.Clients;

/// <summary>
/// One word of a client's name or of their email's local part, as <see cref="ClientSearchWords.Of(string)"/> makes
/// it, indexed: the desk's search finds "Sarah Jones" by a typed "sar", "jon" or "sarah j" from this table.
/// </summary>
public sealed class ClientSearchWord
{
    public const int MaxLength = 100;

    public int ClientId { get; set; }
    public Client? Client { get; set; }
    public required string Word { get; set; }
}

/// <summary>
/// How text becomes search words, the same for what is stored and what is typed, in C# so both engines match
/// alike: lower case, accents dropped ("Zoë" is "zoe"), apostrophes dropped ("O'Brien" is "obrien"), split at
/// anything else that is not a letter or digit ("Smith-Jones" is "smith" and "jones").
/// </summary>
public static class ClientSearchWords
{
    /// <summary>The upper end of a prefix's range: above every word that starts with the prefix.</summary>
    public static readonly string AfterPrefix = char.ConvertFromUtf32(0x10FFFF);

    public static IReadOnlyList<string> Of(string? text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            else
            {
                Flush();
            }
        }
        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0)
            {
                var w = word.ToString().Normalize(NormalizationForm.FormC);
                w = w[..Math.Min(w.Length, ClientSearchWord.MaxLength)];
                if (!words.Contains(w, StringComparer.Ordinal))
                {
                    words.Add(w);
                }
                word.Clear();
            }
        }
    }

    /// <summary>The words a client is found by: their name's and their email's local part's.</summary>
    public static HashSet<string> Of(Client client)
    {
        var email = client.Email ?? "";
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return [.. Of(client.Name), .. Of(at < 0 ? email : email[..at])];
    }
}
