using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsReader.Core.Annotations;
using NewsReader.Core.Articles;
using NewsReader.Data.Annotations;
using NewsReader.Data.Articles;

namespace NewsReader.Web.Api;

/// <summary>A reader's annotations as files: exported as W3C JSON-LD (to move them between tools) or as
/// Markdown (quote blocks with comments, to read anywhere), and imported back from JSON-LD.</summary>
public sealed class AnnotationFiles(AnnotationStore annotations, ArticleStore articles)
{
    public const long MaxImportBytes = 5 * 1024 * 1024;
    public const int MaxImportAnnotations = 10_000;

    public static string FileName(int? articleId, string extension) =>
        (articleId is { } id ? $"newsreader-article-{id.ToString(CultureInfo.InvariantCulture)}-annotations" : "newsreader-annotations") + extension;

    public static JsonObject ToJsonLd(IReadOnlyList<ArticleAnnotations> groups, Uri site, Uri self)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var all = groups.SelectMany(g => g.Annotations).Select(a => new VisibleAnnotation(a, "", IsOwn: true)).ToList();
        return AnnotationPages.Collection(all, site, self, isContainer: false);
    }

    /// <summary>One section per article: its title and link, then each passage as a quote block followed by
    /// the comment, tags and the entities it is about.</summary>
    public static string ToMarkdown(IReadOnlyList<ArticleAnnotations> groups, Uri site)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var markdown = new StringBuilder("# NewsReader annotations\n");
        foreach (var article in groups)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"\n## {article.Title}\n\n");
            markdown.Append(CultureInfo.InvariantCulture,
                $"{article.Source}, {article.PublishedAt:d MMMM yyyy} — <{new Uri(site, $"articles/{article.ArticleId}")}>\n");
            foreach (var annotation in article.Annotations)
            {
                markdown.Append('\n');
                foreach (var line in annotation.Exact.ReplaceLineEndings("\n").Split('\n'))
                {
                    markdown.Append("> ").Append(line).Append('\n');
                }

                if (annotation.Comment is { } comment)
                {
                    markdown.Append('\n').Append(comment.Trim()).Append('\n');
                }

                var facts = new List<string>();
                if (annotation.Tags.Count > 0)
                {
                    facts.Add("Tags: " + string.Join(", ", annotation.Tags.Select(t => "#" + t.Replace(' ', '-'))));
                }

                if (annotation.EntityKeys.Count > 0)
                {
                    facts.Add("About: " + string.Join(", ", annotation.EntityKeys.Select(k => $"[{k}]({new Uri(site, $"entities/{Uri.EscapeDataString(k)}")})")));
                }

                facts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{annotation.Color.ToString().ToLowerInvariant()} highlight, {annotation.UpdatedAt:yyyy-MM-dd HH:mm} UTC"));
                if (annotation.Anchor == AnchorKind.Orphan)
                {
                    facts.Add("orphaned: the passage is no longer in the article");
                }

                markdown.Append('\n').Append('*').Append(string.Join(" · ", facts)).Append("*\n");
            }
        }

        return markdown.ToString();
    }

    /// <summary>Reads a W3C JSON-LD file (an AnnotationCollection, an AnnotationPage, a list, or one annotation)
    /// and saves each annotation for <paramref name="ownerId"/>. Each is checked and saved on its own: a bad
    /// one is reported and skipped, and one already there (same passage, comment, tags, colour) is not doubled.</summary>
    public async Task<ImportReport> ImportAsync(Stream file, string ownerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        JsonNode? json;
        try
        {
            json = await JsonNode.ParseAsync(file, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return ImportReport.Refused($"The file is not valid JSON: {e.Message}");
        }

        var items = Items(json);
        if (items is null)
        {
            return ImportReport.Refused("The file is not W3C annotations: expected an AnnotationCollection, an AnnotationPage, a list or an Annotation.");
        }

        if (items.Count > MaxImportAnnotations)
        {
            return ImportReport.Refused($"A file may hold at most {MaxImportAnnotations:N0} annotations ({items.Count:N0}).");
        }

        var bodies = new Dictionary<int, Article?>();
        var existing = new Dictionary<int, IReadOnlyList<Annotation>>();
        var (imported, duplicates, failures) = (0, 0, new List<string>());
        for (var i = 0; i < items.Count; i++)
        {
            var number = i + 1;
            if (ArticleIdOf(items[i]) is not { } articleId)
            {
                failures.Add($"Annotation {number}: its target is not an article (…/articles/{{id}}).");
                continue;
            }

            if (!bodies.TryGetValue(articleId, out var article))
            {
                bodies[articleId] = article = await articles.FindAsync(articleId, cancellationToken);
            }

            if (article is null)
            {
                failures.Add($"Annotation {number}: there is no article {articleId}.");
                continue;
            }

            var (draft, problem) = WebAnnotations.Read(items[i], article.Body);
            if (draft is null)
            {
                failures.Add($"Annotation {number}: {problem}");
                continue;
            }

            if (!existing.TryGetValue(articleId, out var known))
            {
                existing[articleId] = known = await annotations.ListAsync(articleId, ownerId, cancellationToken);
            }

            if (known.Any(a => SameAs(a, draft)))
            {
                duplicates++;
                continue;
            }

            try
            {
                existing[articleId] = [.. known, await annotations.CreateAsync(articleId, ownerId, draft, cancellationToken)];
                imported++;
            }
            catch (InvalidAnnotationException e)
            {
                failures.Add($"Annotation {number}: {e.Message}");
            }
        }

        return new ImportReport(imported, duplicates, failures);
    }

    private static List<JsonNode?>? Items(JsonNode? json) => json switch
    {
        JsonArray list => [.. list],
        JsonObject o when Is(o, "Annotation") => [o],
        JsonObject o when Is(o, "AnnotationPage") && o["items"] is JsonArray items => [.. items],
        JsonObject o when Is(o, "AnnotationCollection") => o["first"] switch
        {
            JsonObject { } page when page["items"] is JsonArray items => [.. items],
            _ => [],
        },
        _ => null,
    };

    /// <summary>Whether a node has this type, given alone or in a list (a container is also a BasicContainer).</summary>
    private static bool Is(JsonObject node, string type) => node["type"] switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>() == type,
        JsonArray types => types.Any(t => t is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == type),
        _ => false,
    };

    /// <summary>The article an annotation targets: its source is a link ending in <c>/articles/{id}</c>.</summary>
    private static int? ArticleIdOf(JsonNode? annotation)
    {
        var source = annotation?["target"] switch
        {
            JsonObject target when target["source"] is JsonValue value && value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => null,
        };
        var marker = source?.LastIndexOf("/articles/", StringComparison.Ordinal) ?? -1;
        return marker >= 0 && int.TryParse(source![(marker + "/articles/".Length)..].TrimEnd('/'), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
    }

    private static bool SameAs(Annotation annotation, AnnotationDraft draft) =>
        annotation.Start == draft.Position.Start && annotation.End == draft.Position.End && annotation.Color == draft.Color
        && annotation.Comment == (string.IsNullOrWhiteSpace(draft.Comment) ? null : draft.Comment)
        && annotation.Tags.SequenceEqual(draft.CleanTags()) && annotation.EntityKeys.SequenceEqual(draft.CleanEntityKeys());
}

/// <summary>What an import did: how many annotations it saved, how many were already there, and why others failed.</summary>
public sealed record ImportReport(int Imported, int Duplicates, IReadOnlyList<string> Failures)
{
    public static ImportReport Refused(string reason) => new(0, 0, [reason]);
}
