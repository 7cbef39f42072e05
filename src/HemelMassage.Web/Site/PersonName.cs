using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace HemelMassage.Web.Site;

/// <summary>
/// The one normaliser for every name typed into the site (clients, staff, therapists, treatments), applied as
/// the form binds so the page, the database and every email see the same text. It removes what a reader
/// cannot see: bidirectional overrides, embeddings and isolates (U+202A-202E, U+2066-2069, U+200E/F, U+061C),
/// which would turn the text after a name around in a page or an email; zero-width and other format
/// characters; control characters; private-use, unassigned and broken (lone surrogate) code points; and the
/// blank Hangul fillers. Any kind of space or line break becomes one space, the ends are trimmed, and the
/// result is in Unicode NFC. Zero-width (non-)joiners stay between letters of scripts that need them
/// (Persian, the Indic scripts), where they change how a name is written.
/// </summary>
public static class PersonName
{
    private const int ZeroWidthNonJoiner = 0x200C, ZeroWidthJoiner = 0x200D;

    [return: NotNullIfNotNull(nameof(value))]
    public static string? Normalise(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }
        var runes = value.EnumerateRunes().ToList();
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < runes.Count; i++)
        {
            var rune = runes[i];
            if (IsSpace(rune))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (IsJoiner(rune) ? JoinsLetters(runes, i) : IsVisible(rune))
            {
                builder.Append(rune.ToString());
            }
        }
        return builder.ToString().Trim().Normalize(NormalizationForm.FormC);
    }

    private static bool IsSpace(Rune rune) =>
        Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static bool IsJoiner(Rune rune) => rune.Value is ZeroWidthNonJoiner or ZeroWidthJoiner;

    private static bool IsVisible(Rune rune) =>
        rune != Rune.ReplacementChar
        && rune.Value is not (0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x034F)
        && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);

    /// <summary>Uncased letters and their marks on both sides: Arabic, Persian, Devanagari... never Latin, Greek or Cyrillic.</summary>
    private static bool JoinsLetters(List<Rune> runes, int i) =>
        i > 0 && i < runes.Count - 1 && IsScriptLetter(runes[i - 1]) && IsScriptLetter(runes[i + 1]);

    private static bool IsScriptLetter(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
