namespace HemelMassage.Web.Articles;

/// <summary>One or more article files are broken; the message names each file and its problem.</summary>
public sealed class ArticleContentException : Exception
{
    public ArticleContentException()
    {
        Problems = [];
    }

    public ArticleContentException(string message) : base(message)
    {
        Problems = [message];
    }

    public ArticleContentException(string message, Exception innerException) : base(message, innerException)
    {
        Problems = [message];
    }

    public ArticleContentException(string folder, IReadOnlyList<string> problems)
        : base($"The articles in {folder} could not be loaded:{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
