using HemelMassage.Web.Data;
using HemelMassage.Web.Site;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Clients;

/// <summary>
/// A client's name, email and phone as staff change them, on the record page or while booking by phone:
/// each change audited by field (the values stay out of the audit log, which erasure does not rewrite).
/// </summary>
public sealed class ClientContacts(ClinicDbContext db, AuditLog audit)
{
    /// <summary>The other client already holding <paramref name="email"/>, if any: two records never share an address.</summary>
    public async Task<string?> HolderOfEmailAsync(string? email, int? exceptClientId, CancellationToken cancellationToken)
    {
        var normal = Normal(email);
        return normal.Length == 0 ? null : await db.Clients.AsNoTracking()
            .Where(c => c.Email == normal && c.Id != (exceptClientId ?? 0))
            .Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Applies the details given (audited); returns the fields that changed, in words, or "" when none did.</summary>
    public string Update(Client client, string name, string? email, string? phone, string how, string? actor = null)
    {
        var changed = new List<string>();
        name = (PersonName.Normalise(name) ?? "").Trim();
        email = Normal(email);
        phone = (phone ?? "").Trim();
        if (name.Length > 0 && name != client.Name)
        {
            client.Name = name;
            changed.Add("name");
        }
        if (email != client.Email)
        {
            client.Email = email;
            changed.Add("email");
        }
        if (phone != client.Phone)
        {
            client.Phone = phone;
            changed.Add("phone");
        }
        if (changed.Count == 0)
        {
            return "";
        }
        var what = string.Join(", ", changed);
        audit.Add("client.contact", $"client {client.Id}", $"{what} changed ({how})", actor);
        return what;
    }

    public static string Normal(string? email) => (email ?? "").Trim().ToLowerInvariant();
}
