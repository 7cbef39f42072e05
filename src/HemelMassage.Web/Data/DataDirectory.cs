namespace HemelMassage.Web.Data;

/// <summary>
/// The folder the app owns on disk: the SQLite database, emails written as files, keys.
/// Set by the <c>DataDirectory</c> setting; relative paths are taken from the content root.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["DataDirectory"];
        Path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured, environment.ContentRootPath);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(string relative)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(full);
        return full;
    }
}
