using System.Globalization;
using NewsReader.Core.Articles;
using NewsReader.Core.Importing;
using NewsReader.Core.Text;

namespace NewsReader.Web.Components.Articles;

/// <summary>What the article form edits: the text and everything said about it, as typed.</summary>
public sealed class ArticleFields
{
    public string? Title { get; set; }

    public string? Source { get; set; }

    public string? Dateline { get; set; }

    public DateTime? PublishedOn { get; set; }

    /// <summary>A language tag, or empty to guess it from the letters.</summary>
    public string? Language { get; set; }

    /// <summary><c>rtl</c>, <c>ltr</c>, or empty to follow the language and the text.</summary>
    public string? Direction { get; set; }

    public string? Link { get; set; }

    public string? Body { get; set; }

    public static ArticleFields Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new()
        {
            Title = article.Title,
            Source = article.Source,
            Dateline = article.Dateline,
            PublishedOn = article.PublishedAt.UtcDateTime.Date,
            Language = article.Language,
            Direction = article.Direction.ToHtml(),
            Body = article.Body,
        };
    }

    /// <summary>The draft to store under <paramref name="sourceKey"/> (unless a link names it), or the problems, in words.</summary>
    public (ArticleDraft? Draft, string? Problem) ToDraft(string sourceKey, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(Body))
        {
            return (null, "The text is empty. Paste the article's text.");
        }

        var metadata = new ArticleMetadata(
            Blank(Title),
            Blank(Source),
            Blank(Dateline),
            Blank(Language),
            PublishedOn is { } day ? new DateTimeOffset(DateTime.SpecifyKind(day.Date, DateTimeKind.Utc)) : null,
            Direction switch
            {
                "rtl" => TextDirection.Rtl,
                "ltr" => TextDirection.Ltr,
                _ => null,
            },
            Blank(Link));
        try
        {
            return (ArticleFiles.ToDraft(metadata, Body, sourceKey, now, "The article"), null);
        }
        catch (InvalidDataException e)
        {
            return (null, e.Message);
        }
    }

    public static string NewKey(DateTimeOffset now) => string.Create(CultureInfo.InvariantCulture, $"pasted:{Guid.CreateVersion7(now)}");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
