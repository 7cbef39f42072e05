namespace HemelMassage.Web.Articles;

public static class ArticlesServiceCollectionExtensions
{
    public static IServiceCollection AddArticles(this IServiceCollection services, IHostEnvironment environment)
    {
        _ = environment;
        services.AddSingleton<ArticleCatalog>();
        return services;
    }
}
