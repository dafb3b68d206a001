using System.Text;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using NewsReader.Core.Importing;
using NewsReader.Data.Importing;
using NewsReader.Data.Search;
using NewsReader.Testing;
using Xunit.Abstractions;

namespace NewsReader.Data.Tests;

/// <summary>Every written form of a word finds every other (الوزير, بالوزير, للوزير, ووزير…), over a corpus with one
/// article per form; a word that merely shares letters with it (زير, جنة, كرة) is not found, either way. Lucene.Net's
/// ArabicAnalyzer is measured on the same table, for docs/arabic-text.md.</summary>
public sealed class WordFormsTests(WordFormsTests.Corpus corpus, ITestOutputHelper output) : IClassFixture<WordFormsTests.Corpus>
{
    /// <summary>Recall over the whole table: of all (form, other form) pairs of a word, how many a search for the one finds
    /// the other, and nothing else. Ours must be complete, and above Lucene's ArabicAnalyzer (normalization and light
    /// stemming: it reads off ال، وال، بال، كال، فال، لل and و, and some suffixes), where two forms match when they analyze to
    /// the same term.</summary>
    [Fact]
    public async Task Every_form_of_every_word_finds_every_other_form_and_no_other_word_and_Lucene_finds_fewer()
    {
        var failures = new List<string>();
        var (ours, lucene, total) = (0, 0, 0);
        using var analyzer = new ArabicAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48);
        foreach (var (word, forms) in WordFormsTable.All())
        {
            var expected = forms.Select(f => corpus.Articles[f]).Concat(corpus.Usage[word]).ToHashSet();
            var analyzed = forms.ToDictionary(f => f, f => Analyze(analyzer, f));
            foreach (var form in forms)
            {
                var found = await corpus.FindAsync(form);
                total += forms.Count;
                ours += forms.Count(other => found.Contains(corpus.Articles[other]));
                lucene += forms.Count(other => analyzed[form] == analyzed[other]);
                if (!found.SetEquals(expected))
                {
                    failures.Add($"{form} ({word}): missing {string.Join(' ', forms.Where(f => !found.Contains(corpus.Articles[f])))}; "
                        + $"extra {found.Except(expected).Count()}");
                }
            }
        }

        output.WriteLine($"{WordFormsTable.All().Count()} words; recall over {total:N0} pairs of forms: ours {100.0 * ours / total:0.0}%, "
            + $"Lucene ArabicAnalyzer {100.0 * lucene / total:0.0}%");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.Equal(total, ours);
        Assert.True(lucene < ours);
    }

    [Fact]
    public async Task A_word_and_one_that_merely_shares_its_letters_do_not_find_each_other()
    {
        var failures = new List<string>();
        foreach (var (word, nearMiss) in WordFormsTable.NearMisses)
        {
            if ((await corpus.FindAsync(word)).Contains(corpus.NearMisses[nearMiss]))
            {
                failures.Add($"{word} finds {nearMiss}");
            }

            if ((await corpus.FindAsync(nearMiss)).Overlaps(WordFormsTable.NounForms(word).Select(f => corpus.Articles[f])))
            {
                failures.Add($"{nearMiss} finds {word}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Analyze(ArabicAnalyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new StringBuilder();
        while (stream.IncrementToken())
        {
            terms.Append(term).Append(' ');
        }

        stream.End();
        return terms.ToString();
    }

    /// <summary>One article per form of every word of the table, and one per near miss, imported in bulk.</summary>
    public sealed class Corpus : IAsyncLifetime
    {
        private const int UsesOfEachWord = 3;

        private TestDatabase db = null!;

        public Dictionary<string, int> Articles { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> NearMisses { get; } = new(StringComparer.Ordinal);

        /// <summary>More articles with each word as it stands, bare: the table's words are common in the news, as the
        /// near misses are not, and the rules read proclitics by how common words are.</summary>
        public Dictionary<string, List<int>> Usage { get; } = new(StringComparer.Ordinal);

        public async Task InitializeAsync()
        {
            db = await TestDatabase.CreateAsync();
            var forms = WordFormsTable.All().SelectMany(w => w.Forms).Distinct(StringComparer.Ordinal).ToList();
            var nearMisses = WordFormsTable.NearMisses.Select(n => n.NearMiss).ToList();
            var usage = WordFormsTable.All().SelectMany(w => Enumerable.Repeat(w.Word, UsesOfEachWord)).ToList();
            var texts = forms.Concat(nearMisses).Concat(usage).ToList();
            var sources = texts.Select((text, i) => new PendingSource($"f{i}.txt", _ => Task.FromResult(new ImportSource(
                $"f{i}.txt", Encoding.UTF8.GetBytes($"{text} {i}"), new ArticleMetadata(Title: $"t{i}", Source: "الوكالات", Language: "ar")))));
            var results = await db.Service<ArticleBatchImporter>().ImportAllAsync(sources).ToListAsync();
            for (var i = 0; i < texts.Count; i++)
            {
                Assert.Equal(ImportStatus.Imported, results[i].Status);
                var id = results[i].ArticleId!.Value;
                if (i < forms.Count)
                {
                    Articles[texts[i]] = id;
                }
                else if (i < forms.Count + nearMisses.Count)
                {
                    NearMisses[texts[i]] = id;
                }
                else
                {
                    (Usage.TryGetValue(texts[i], out var uses) ? uses : Usage[texts[i]] = []).Add(id);
                }
            }
        }

        public async Task<HashSet<int>> FindAsync(string query)
        {
            var result = await db.Service<SearchService>().SearchAsync(new SearchRequest(query, PageSize: SearchRequest.MaxPageSize));
            Assert.True(result.Total <= SearchRequest.MaxPageSize, $"{query}: {result.Total} results");
            return result.Items.Select(i => i.ArticleId).ToHashSet();
        }

        public async Task DisposeAsync() => await db.DisposeAsync();
    }
}
