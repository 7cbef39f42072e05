using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Articles;

public static class ArticlesServiceCollectionExtensions
{
    public static IServiceCollection AddArticles(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<ArticlesOptions>()
            .BindConfiguration(ArticlesOptions.Section)
            .PostConfigure<IHostEnvironment>((o, env) => o.Path = ArticlesOptions.Resolve(o.Path, env.ContentRootPath))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ArticlesOptions>, ArticlesOptionsValidator>();
        services.AddSingleton(new ArticleCatalog(showDrafts: !environment.IsProduction()));
        services.AddSingleton<ArticleRenderer>();
        services.AddSingleton<ArticleParser>();
        services.AddSingleton<ArticleLoader>();
        services.AddSingleton<ArticleWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ArticleWatcher>());
        return services;
    }

    /// <summary>Redirects an article's old addresses, ahead of the endpoints, so an alias may be any path.</summary>
    public static WebApplication UseArticles(this WebApplication app)
    {
        app.UseMiddleware<ArticleAliasMiddleware>();
        return app;
    }
}
