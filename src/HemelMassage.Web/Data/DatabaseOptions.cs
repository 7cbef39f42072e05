namespace HemelMassage.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (the embedded default) or Postgres.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>When empty on SQLite, the database is a file in the data directory.</summary>
    public string? ConnectionString { get; set; }
}
