using System.Globalization;
using HemelMassage.Web.Data;

namespace HemelMassage.Web.Email;

/// <summary>
/// {DataDirectory}/mail, where the embedded default writes each email as <c>{created}-{kind}-{id}.eml</c>. The
/// outbox row's id in the name is how erasure finds a client's copies again.
/// </summary>
public sealed class MailFolder(DataDirectory data)
{
    public string Path { get; } = data.Combine("mail");

    public string FileOf(OutboxMessage row) => System.IO.Path.Combine(Path, string.Create(CultureInfo.InvariantCulture,
        $"{row.CreatedAt:yyyyMMdd-HHmmss}-{row.Kind.ToString().ToLowerInvariant()}-{row.Id}.eml"));

    /// <summary>Deletes the files (and any half-written ones) of these outbox rows; returns how many went.</summary>
    public int Delete(IReadOnlyCollection<int> rowIds)
    {
        if (rowIds.Count == 0 || !Directory.Exists(Path))
        {
            return 0;
        }
        var ids = rowIds.ToHashSet();
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Path, "*.eml*"))
        {
            if (RowIdOf(System.IO.Path.GetFileName(file)) is { } id && ids.Contains(id))
            {
                File.Delete(file);
                deleted++;
            }
        }
        return deleted;
    }

    private static int? RowIdOf(string name)
    {
        var end = name.EndsWith(".eml", StringComparison.Ordinal) ? name.Length - 4
            : name.EndsWith(".eml.tmp", StringComparison.Ordinal) ? name.Length - 8 : -1;
        var start = end < 0 ? -1 : name.LastIndexOf('-', end - 1) + 1;
        return start > 0 && int.TryParse(name.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
