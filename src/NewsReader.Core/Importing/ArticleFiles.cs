using System.Text;
using NewsReader.Core.Articles;
using NewsReader.Core.Text;

namespace NewsReader.Core.Importing;

/// <summary>Reads an article file: plain text (<c>.txt</c>), Markdown (<c>.md</c>) or a web page (<c>.html</c>),
/// with metadata from a JSON sidecar, front matter or the page's head. A file that cannot be an article (empty,
/// binary, not UTF-8, too large, an unknown format) is refused with the reason, in an <see cref="InvalidDataException"/>.</summary>
public static class ArticleFiles
{
    public const int MaxFileBytes = ArticleDraft.MaxBodyBytes;

    public const string DefaultSource = "Unknown source";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<string> Extensions { get; } = [".txt", ".md", ".markdown", ".html", ".htm"];

    public static bool IsArticleFile(string fileName) => Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    /// <param name="fileName">The file's name, for its format and in messages.</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="given">Metadata that wins over what the file says (a sidecar, or a form's fields).</param>
    /// <param name="sourceKey">The key the article is stored under when no link names it.</param>
    /// <param name="fallbackDate">The date when nothing gives one.</param>
    public static ArticleDraft Read(string fileName, ReadOnlySpan<byte> content, ArticleMetadata? given, string sourceKey, DateTimeOffset fallbackDate)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            throw new InvalidDataException($"{fileName}: unknown format '{extension}'. Articles are .txt, .md or .html files.");
        }

        var text = Decode(fileName, content);
        var (frontMatter, rest) = extension is ".html" or ".htm" ? (new ArticleMetadata(), text) : ArticleMetadata.SplitFrontMatter(text, fileName);
        var (body, found) = extension switch
        {
            ".md" or ".markdown" => FromMarkdown(rest),
            ".html" or ".htm" => ArticleText.FromHtml(rest),
            _ => (rest, new ArticleMetadata()),
        };
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new InvalidDataException($"{fileName}: there is no text in it.");
        }

        var metadata = (given ?? new ArticleMetadata()).Over(frontMatter).Over(found);
        return ToDraft(metadata, body, sourceKey, fallbackDate, fileName);
    }

    /// <summary>A draft from metadata and a body: a missing title becomes the body's first line, a missing
    /// language is guessed from the letters, and the link (when there is one) is the key.</summary>
    public static ArticleDraft ToDraft(ArticleMetadata metadata, string body, string sourceKey, DateTimeOffset fallbackDate, string name)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(body);
        var draft = new ArticleDraft(
            metadata.Link ?? sourceKey,
            metadata.Title ?? FirstLine(body),
            body,
            metadata.Language ?? Languages.Guess(body),
            metadata.Source ?? DefaultSource,
            metadata.Dateline,
            metadata.PublishedAt ?? fallbackDate,
            metadata.Direction)
        {
            DateKnown = metadata.PublishedAt is not null,
        };
        var problems = draft.Validate();
        return problems.Count == 0 ? draft : throw new InvalidDataException($"{name}: {string.Join(" ", problems)}");
    }

    /// <summary>Strict UTF-8 (a byte-order mark is dropped), with no binary content or control characters.</summary>
    public static string Decode(string name, ReadOnlySpan<byte> content, int maxBytes = MaxFileBytes)
    {
        if (content.Length == 0)
        {
            throw new InvalidDataException($"{name}: the file is empty.");
        }

        if (content.Length > maxBytes)
        {
            throw new InvalidDataException($"{name}: the file is larger than {maxBytes / 1024 / 1024} MiB ({content.Length:N0} bytes).");
        }

        if (content.Contains((byte)0))
        {
            throw new InvalidDataException($"{name}: a binary file, not text.");
        }

        var start = content.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(content[start..]);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException($"{name}: not valid UTF-8 text. Save it as UTF-8 and try again.");
        }

        return ControlCharacters.FirstIn(text, allowLineBreaks: true) is { } control
            ? throw new InvalidDataException($"{name}: it holds a control character ({control}), which text does not.")
            : text;
    }

    private static (string Body, ArticleMetadata Metadata) FromMarkdown(string markdown)
    {
        var (body, heading) = ArticleText.FromMarkdown(markdown);
        return (body, new ArticleMetadata(Title: heading));
    }

    /// <summary>The first line of the text, cut at a word before 120 characters.</summary>
    private static string FirstLine(string body)
    {
        var line = body.TrimStart().Split('\n', 2)[0].Trim();
        if (line.Length <= 120)
        {
            return line;
        }

        var space = line.LastIndexOf(' ', 119);
        return line[..(space > 40 ? space : 120)] + "…";
    }
}
