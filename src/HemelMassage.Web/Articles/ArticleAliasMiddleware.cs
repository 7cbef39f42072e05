namespace HemelMassage.Web.Articles;

/// <summary>Old addresses of an article (its <c>aliases</c>) redirect permanently to its page.</summary>
public sealed class ArticleAliasMiddleware(RequestDelegate next, ArticleCatalog catalog)
{
    public Task InvokeAsync(HttpContext context)
    {
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && context.Request.Path.Value is { Length: > 1 and <= 300 } path
            && catalog.FindByAlias(path) is { } article)
        {
            context.Response.Redirect("/articles/" + article.Slug, permanent: true);
            return Task.CompletedTask;
        }
        return next(context);
    }
}
