using System.Runtime.InteropServices;
using NewsReader.Core.Text;

namespace NewsReader.Core.Entities;

/// <summary>Finds the gazetteer's entities in a text in one pass: the text is normalized once, split
/// into words, and each word starts a walk down a trie of aliases, word by word. The longest alias
/// wins; a word may carry attached proclitics (وحلب، بالائتلاف، للمرصد) that the mention leaves out.
/// Build one per gazetteer version and share it: it is immutable and thread-safe.</summary>
public sealed class EntityRecognizer
{
    private readonly Node root = new();

    /// <summary>First words of aliases that start with the article, without its alef (لائتلاف for
    /// الائتلاف), reached only through the لل spelling: ل + الائتلاف is written للائتلاف.</summary>
    private readonly Node alefless = new();

    public EntityRecognizer(IEnumerable<GazetteerAlias> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        foreach (var alias in aliases)
        {
            Add(alias);
        }

        AliasCount = root.CountTargets();
    }

    /// <summary>How many distinct (alias, entity) pairs the recognizer knows.</summary>
    public int AliasCount { get; }

    public IReadOnlyList<RecognizedMention> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = ArabicNormalizer.Normalize(text);
        var words = ArabicTokenizer.Tokenize(normalized.Text);
        var mentions = new List<RecognizedMention>();
        var seen = new HashSet<int>();
        Span<CliticReading> readings = stackalloc CliticReading[ArabicClitics.MaxReadings];
        var i = 0;
        while (i < words.Count)
        {
            var word = words[i].In(normalized.Text);
            var best = default(Match);
            var count = ArabicClitics.Read(word, readings);
            foreach (var reading in readings[..count])
            {
                var first = reading.RestoresArticleAlef ? alefless : root;
                var stem = word[reading.PrefixLength..];
                var candidate = Walk(first, stem, normalized.Text, words, i, seen);
                if (candidate.Words > best.Words)
                {
                    best = candidate with { PrefixLength = reading.PrefixLength };
                }
            }

            if (best.Words == 0)
            {
                i++;
                continue;
            }

            var start = words[i].Start + best.PrefixLength;
            var span = normalized.ToOriginal(start, words[i + best.Words - 1].End - start);
            mentions.Add(new RecognizedMention(best.EntityId, span.Start, span.Length));
            seen.Add(best.EntityId);
            i += best.Words;
        }

        return mentions;
    }

    /// <summary>The longest alias that starts with <paramref name="stem"/> (the stem of word
    /// <paramref name="index"/>) and goes on with the words after it.</summary>
    private static Match Walk(Node first, ReadOnlySpan<char> stem, string text, List<Token> words, int index, HashSet<int> seen)
    {
        var best = default(Match);
        var node = first.Child(stem);
        for (var next = index + 1; node is not null; next++)
        {
            if (node.Choose(seen) is { } entityId)
            {
                best = new Match(entityId, next - index, 0);
            }

            node = next < words.Count ? node.Child(words[next].In(text)) : null;
        }

        return best;
    }

    private void Add(GazetteerAlias alias)
    {
        var normalized = ArabicNormalizer.Fold(alias.Text);
        var words = ArabicTokenizer.Tokenize(normalized);
        if (words.Count == 0)
        {
            return;
        }

        var firstWord = words[0].In(normalized).ToString();
        var target = new Target(alias.EntityId, alias.IsShort);
        AddPath(root.GetOrAdd(firstWord), normalized, words, target);
        if (firstWord.StartsWith("ال", StringComparison.Ordinal) && firstWord.Length - 1 > ArabicClitics.MinimumStemLength)
        {
            AddPath(alefless.GetOrAdd(firstWord[1..]), normalized, words, target);
        }
    }

    private static void AddPath(Node node, string normalized, List<Token> words, Target target)
    {
        foreach (var word in words.Skip(1))
        {
            node = node.GetOrAdd(word.In(normalized).ToString());
        }

        node.AddTarget(target);
    }

    private readonly record struct Match(int EntityId, int Words, int PrefixLength);

    private readonly record struct Target(int EntityId, bool IsShort);

    private sealed class Node
    {
        private Dictionary<string, Node>? children;
        private Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> lookup;
        private List<Target>? targets;

        public Node? Child(ReadOnlySpan<char> word) =>
            children is not null && lookup.TryGetValue(word, out var child) ? child : null;

        public Node GetOrAdd(string word)
        {
            if (children is null)
            {
                children = new Dictionary<string, Node>(StringComparer.Ordinal);
                lookup = children.GetAlternateLookup<ReadOnlySpan<char>>();
            }

            ref var child = ref CollectionsMarshal.GetValueRefOrAddDefault(children, word, out _);
            return child ??= new Node();
        }

        public void AddTarget(Target target)
        {
            targets ??= [];
            if (!targets.Contains(target))
            {
                targets.Add(target);
            }
        }

        /// <summary>The entity this alias names here: one already named in the article if the alias is
        /// shared, else the first that is not a short alias; a short alias alone needs its entity seen.</summary>
        public int? Choose(HashSet<int> seen)
        {
            if (targets is null)
            {
                return null;
            }

            foreach (var target in targets)
            {
                if (seen.Contains(target.EntityId))
                {
                    return target.EntityId;
                }
            }

            foreach (var target in targets)
            {
                if (!target.IsShort)
                {
                    return target.EntityId;
                }
            }

            return null;
        }

        public int CountTargets() =>
            (targets?.Count ?? 0) + (children?.Values.Sum(child => child.CountTargets()) ?? 0);
    }
}
