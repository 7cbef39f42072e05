namespace HemelMassage.Web.Tests.Support;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Articles => Path.Combine(Root, "content", "articles");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HemelMassage.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("HemelMassage.sln not found above " + AppContext.BaseDirectory);
    }
}
