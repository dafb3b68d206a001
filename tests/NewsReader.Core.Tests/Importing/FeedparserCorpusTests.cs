using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NewsReader.Core.Importing;
using NewsReader.Core.Importing.Syndication;
using NewsReader.Testing;
using Xunit.Abstractions;

namespace NewsReader.Core.Tests.Importing;

/// <summary>The feed reader against Python feedparser's own test feeds (tests/samples/feeds/feedparser): feeds as the
/// web writes them. Each well-formed feed with entries must give its articles, with the title, link, date or text its
/// <c>Expect:</c> line says; each ill-formed one must be refused with a reason, never throw anything else.</summary>
public sealed partial class FeedparserCorpusTests(ITestOutputHelper output)
{
    private static readonly string Corpus = Path.Combine(RepositoryFiles.Root, "tests", "samples", "feeds", "feedparser");

    private static readonly DateTimeOffset Fallback = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IEnumerable<object[]> WellFormed() =>
        Directory.EnumerateFiles(Path.Combine(Corpus, "wellformed"), "*.xml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetRelativePath(Corpus, f) });

    [Fact]
    public void At_least_95_percent_of_the_well_formed_feeds_give_their_articles_as_expected()
    {
        var files = WellFormed().Select(f => (string)f[0]).ToList();
        var failures = files.Select(f => (File: f, Problem: Check(f))).Where(r => r.Problem is not null).ToList();

        foreach (var (file, problem) in failures)
        {
            output.WriteLine($"{file}: {problem}");
        }

        var passed = files.Count - failures.Count;
        output.WriteLine($"{passed} of {files.Count} ({100.0 * passed / files.Count:0.0}%)");
        Assert.Equal(332, files.Count);
        Assert.True(passed >= files.Count * 0.95, $"{passed} of {files.Count} pass; the first failures:\n" + string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Every_ill_formed_feed_is_refused_with_a_reason_or_read_and_nothing_throws_anything_else()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Corpus, "illformed"), "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(Corpus, file);
            try
            {
                var items = Feeds.Read(name, File.ReadAllBytes(file), Fallback);
                output.WriteLine($"{name}: read, {items.Count(i => i.Draft is not null)} articles");
            }
            catch (InvalidDataException e)
            {
                Assert.StartsWith(name + ": ", e.Message, StringComparison.Ordinal);
                output.WriteLine($"{name}: refused: {e.Message}");
            }
        }
    }

    [Fact]
    public void Encodings_are_read_as_declared_served_or_detected()
    {
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Corpus, "encoding"), "*.xml").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            try
            {
                var (text, _) = FeedText.Decode(bytes, Header(bytes));
                Assert.DoesNotContain('\uFFFD', text.Where((_, i) => !Path.GetFileName(file).StartsWith("bozo", StringComparison.Ordinal) || i < 0));
                FeedParser.Parse(text);
            }
            catch (Exception e) when (e is InvalidDataException or Xunit.Sdk.XunitException)
            {
                if (!Path.GetFileName(file).StartsWith("bozo", StringComparison.Ordinal))
                {
                    problems.Add($"{Path.GetFileName(file)}: {e.Message}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("encoding/demoronize-1.xml", "don\u2019t")]
    [InlineData("encoding/utf-16le-bom.xml", null)]
    [InlineData("encoding/utf-32be-autodetect.xml", null)]
    public void Smart_quotes_and_wide_encodings_read_as_text(string file, string? description)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Corpus, file));
        var feed = FeedParser.Parse(FeedText.Decode(bytes, Header(bytes)).Text);

        if (description is not null)
        {
            Assert.Equal(description, FeedParser.HtmlText(feed.Entries[0].Html));
        }
    }

    /// <summary>Why a well-formed feed fails, or null when it gives its articles as its Expect line says.</summary>
    private static string? Check(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Corpus, file));
        var comment = Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 2000)));
        var expect = ExpectLine().Match(comment).Groups[1].Value;
        IReadOnlyList<FeedItem> items;
        try
        {
            // feedparser's tests serve each file from a local server; relative links resolve against that address.
            items = Feeds.Read(file, bytes, Fallback, Header(bytes), new Uri("http://127.0.0.1:8097/tests/" + file.Replace('\\', '/')));
        }
        catch (InvalidDataException e)
        {
            return "refused: " + e.Message;
        }

        if (items.Count == 0 || items[0].Draft is not { } draft)
        {
            return items.Count == 0 ? "no articles" : "first item refused: " + items[0].Problem;
        }

        return Expected(expect) switch
        {
            ("title", var text) when !Same(text, draft.Title) => $"title '{draft.Title}', expected '{text}'",
            ("link", var text) when draft.SourceKey != text && text.Length <= 200 => $"link '{draft.SourceKey}', expected '{text}'",
            ("text", var text) when !Same(text, draft.Body) && !Collapse(draft.Body).Contains(Collapse(FeedParser.HtmlText(text) ?? text), StringComparison.Ordinal)
                => $"text '{Collapse(draft.Body)}', expected '{FeedParser.HtmlText(text)}'",
            ("date", var text) when draft.PublishedAt.UtcDateTime.ToString("yyyy-M-d H:m:s", CultureInfo.InvariantCulture) != text
                => $"date {draft.PublishedAt:O}, expected {text}",
            _ => null,
        };
    }

    /// <summary>What an Expect line says of the first entry's title, link, text or date, when it says one of those.</summary>
    private static (string Field, string Value) Expected(string expect)
    {
        if (DateExpectation().Match(expect) is { Success: true } date)
        {
            return ("date", string.Join(' ', $"{date.Groups[1]}-{date.Groups[2]}-{date.Groups[3]}", $"{date.Groups[4]}:{date.Groups[5]}:{date.Groups[6]}"));
        }

        if (StringExpectation().Match(expect) is not { Success: true } m)
        {
            return ("", "");
        }

        var field = m.Groups["field"].Value switch
        {
            "title" or "title_detail" => "title",
            "link" => "link",
            "description" or "summary" or "summary_detail" or "content" => "text",
            _ => "",
        };
        return (field, Unescape(m.Groups["value"].Value));
    }

    /// <summary>Whether the article has the expected words: feedparser keeps sanitized markup, the app keeps text, and
    /// text that merely holds brackets (type="text") is the same either way.</summary>
    private static bool Same(string expected, string actual) =>
        Collapse(FeedParser.HtmlText(expected) ?? "") == Collapse(actual) || Collapse(expected) == Collapse(actual);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A Python string literal's value.</summary>
    private static string Unescape(string literal) => PythonEscape().Replace(literal, m => m.Value[1] switch
    {
        'n' => "\n",
        't' => "\t",
        'r' => "\r",
        'u' or 'x' => ((char)int.Parse(m.Value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(),
        _ => m.Value[1].ToString(),
    });

    /// <summary>The Content-Type a test file says it is served with.</summary>
    private static string? Header(byte[] bytes) =>
        HeaderLine().Match(Encoding.Latin1.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 1000)))) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"Expect:\s*(.*)")]
    private static partial Regex ExpectLine();

    [GeneratedRegex(@"Header:\s*Content-type:\s*(.*)", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"entries\[0\]\['(?<field>title|link|description|summary|title_detail|summary_detail|content)'\](?:\[0\])?(?:\['value'\])?\s*==\s*u?(?<q>['""])(?<value>(?:\\.|(?!\k<q>).)*)\k<q>")]
    private static partial Regex StringExpectation();

    [GeneratedRegex(@"entries\[0\]\['(?:published|updated|created)_parsed'\]\s*==\s*\((\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+)")]
    private static partial Regex DateExpectation();

    [GeneratedRegex(@"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)")]
    private static partial Regex PythonEscape();
}
