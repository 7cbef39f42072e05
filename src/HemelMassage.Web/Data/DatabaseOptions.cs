namespace HemelMassage.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (the embedded default, one app instance) or Postgres (one or several instances).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>When empty on SQLite, the database is a file in the data directory; required on Postgres.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase);
}
