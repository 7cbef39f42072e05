using HemelMassage.Web.Intake;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Articles;

/// <summary>The follow-up's reading: articles that explain the (felt, worked) pattern first, then by the areas worked.</summary>
public sealed class ArticlePairTests : IDisposable
{
    private readonly ArticleFolder _content = new ArticleFolder()
        // Names the most worked areas, so the worked-area fallback alone would put it first.
        .Article("legs-in-general", extraYaml: "regions: [hamstrings-left, hamstrings-right, glutes-left, lower-back]")
        .Article("sore-knee-tight-itb", extraYaml: ["regions: [itb-left]", "explains: [{ felt: knees, worked: itb }]"])
        .Article("back-and-glutes", extraYaml: ["regions: [glutes-left]", "explains: [{ felt: lower-back, worked: glutes }]"])
        .Article("about-shoulders", extraYaml: "regions: [shoulders-left]");

    private List<string> Reading(string[] felt, string[] worked)
    {
        using var site = new SiteFactory().WithArticles(_content);
        using var scope = site.Services.CreateScope();
        var notice = scope.ServiceProvider.GetRequiredService<FollowUpSource>()
            .Notice(1, "Ann", "ann@example.com", new DateTime(2026, 12, 8, 10, 0, 0, DateTimeKind.Utc), felt, worked);
        return [.. notice.Articles.Select(a => a.Url.Split('/')[^1])];
    }

    [Fact]
    public void An_article_explaining_where_it_was_felt_by_what_was_worked_comes_before_the_worked_area_fallback()
    {
        var reading = Reading(["knees-left"], ["itb-left", "hamstrings-left", "glutes-left", "lower-back"]);

        // The knee article explains this pattern; the back-and-glutes pair does not apply (the lower back was worked, not felt).
        Assert.Equal(["sore-knee-tight-itb", "legs-in-general", "back-and-glutes"], reading);
    }

    [Fact]
    public void Without_a_matching_pair_the_articles_about_the_worked_areas_are_chosen_as_before()
    {
        var reading = Reading(["neck"], ["hamstrings-left", "glutes-left", "itb-left"]);

        Assert.Equal("legs-in-general", reading[0]);
        Assert.Equal(["back-and-glutes", "legs-in-general", "sore-knee-tight-itb"], reading.Order());
    }

    public void Dispose() => _content.Dispose();
}
