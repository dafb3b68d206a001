using System.Globalization;
using System.Text;
using NewsReader.Core.Articles;
using NewsReader.Core.Entities;
using NewsReader.Core.Text;

namespace NewsReader.Testing;

/// <summary>Builds a deterministic corpus of Arabic news articles from sentence templates and the
/// gazetteer: the same seed gives the same articles. Names are written the many ways wire copy writes
/// them: with and without hamza, with some diacritics, and with attached proclitics.</summary>
public sealed class ArticleCorpus(IReadOnlyList<GazetteerEntry> gazetteer, int seed = 20161201)
{
    /// <summary>Changes whenever the generator writes different articles for the same seed (benchmark databases
    /// are cached under it).</summary>
    public const int Version = 2;

    private static readonly string[] Templates =
    [
        "قال {person} في تصريح أمس ان الوضع في {place} يتدهور يوما بعد يوم.",
        "وأعلنت {organization} عن هدنة جديدة في {place} تبدأ صباح الغد.",
        "والتقى {person} ممثلين عن {organization} في {place} لبحث سبل التوصل إلى اتفاق.",
        "وأفاد {organization} بمقتل عشرة مدنيين في قصف استهدف أحياء {place} الشرقية.",
        "وقال مصدر قريب من {person} ان المحادثات مع {organization} ستستأنف الأسبوع المقبل.",
        "ونزح آلاف السكان من {place} إلى المناطق المجاورة هربا من المعارك.",
        "وأكد {person} ان بلاده تدعم حلا سياسيا للأزمة في {place}.",
        "وذكرت {organization} ان قوافل المساعدات وصلت إلى {place} بعد انتظار طويل.",
        "وتشهد {place} منذ أيام اشتباكات عنيفة بين القوات الحكومية وفصائل المعارضة.",
        "وحذر {person} من كارثة إنسانية في {place} إذا استمر الحصار.",
        "وارتفعت أسعار الخبز والوقود في {place} بنسبة كبيرة خلال الشهر الماضي.",
        "وتوقع خبراء اقتصاديون ان يتراجع النمو في {place} مع استمرار العقوبات.",
        "واستقبل {person} وفدا رفيع المستوى من {organization} في مكتبه.",
        "وأشار التقرير إلى ان المدارس في {place} أغلقت أبوابها منذ بداية العام.",
        "ودعت {organization} المجتمع الدولي إلى التحرك العاجل لحماية المدنيين.",
        "وقال شهود عيان ان الطائرات حلقت فوق {place} طوال الليل.",
        "وأضاف {person} ان الانتخابات المقبلة ستكون حاسمة لمستقبل البلاد.",
        "ونظمت {organization} مؤتمرا صحفيا في {place} للإعلان عن نتائج التحقيق.",
        "وتعاني المستشفيات في {place} من نقص حاد في الأدوية والمعدات الطبية.",
        "وأكدت مصادر دبلوماسية ان {person} سيزور {place} الأسبوع المقبل.",
        "وشهدت شوارع {place} تظاهرات حاشدة تطالب بالإصلاح ومكافحة الفساد.",
        "وأعلنت {organization} عن خطة جديدة لإعادة إعمار البنية التحتية في {place}.",
        "ويأتي ذلك بعد أسابيع من التوتر بين {organization} والحكومة.",
        "وقال محللون ان الأزمة في {place} قد تمتد إلى دول الجوار.",
        "وأوضح {person} ان المفاوضات تتناول ملفات الأمن والطاقة والمياه.",
        "وأفادت تقارير بأن درجات الحرارة في {place} انخفضت إلى ما دون الصفر.",
        "وافتتح {person} معرضا للكتاب في {place} بمشاركة مئات الناشرين.",
        "وتراجعت حركة السياحة في {place} إلى أدنى مستوياتها منذ عقد.",
        "وطالبت {organization} بالإفراج عن الصحفيين المعتقلين في {place}.",
        "ووقع {person} اتفاقا للتعاون التجاري مع ممثلي {organization}.",
        "وارتفع سعر {goods} في أسواق {place} بنسبة {number} في المئة خلال أسبوع.",
        "ووصلت إلى {place} شحنة من {goods} تكفي السكان أسابيع عدة.",
        "ونفت {organization} ما تردد عن نقص في {goods} بمخازن {place}.",
        "وقال تجار في {place} ان توفر {goods} تراجع منذ يوم {weekday} الماضي.",
        "ووزع متطوعون {goods} على العائلات النازحة في {place} يوم {weekday}.",
        "وطالب {person} بإدخال {goods} إلى {place} دون شروط.",
    ];

    /// <summary>Goods, the most talked-about first. They are drawn with Zipf's law, as words are in real news, so
    /// the corpus has common, middling and rare words (the first is in most articles, the last in a few hundred
    /// of 50,000), not only the template words that every third article has.</summary>
    public static readonly IReadOnlyList<string> Goods =
    [
        "الخبز", "الوقود", "الأدوية", "الطحين", "المازوت", "السكر", "الأرز", "حليب الأطفال", "الغاز المنزلي", "البنزين",
        "الزيت", "اللحوم", "البيض", "الخضار", "الفواكه", "الأعلاف", "الأسمدة", "البذور", "الإسمنت", "الحديد",
        "القطن", "الشاي", "القهوة", "العدس", "الفول", "البرغل", "الصابون", "المعلبات", "الأجبان", "الدجاج",
        "الملح", "الطماطم", "البطاطا", "البصل", "الزيتون", "التمر", "الفستق", "الجوز", "الزعفران", "الهال",
    ];

    private static readonly double[] GoodsWeights = Goods.Select((_, rank) => 1 / Math.Pow(rank + 1, 1.5)).ToArray();

    private static readonly string[] Numbers = ["عشرة", "عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"];

    private static readonly string[] Weekdays = ["السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"];

    private static readonly string[] Sources = ["الوكالات", "رويترز", "فرانس برس", "وكالة الأنباء", "مراسلنا"];

    private static readonly string[] Clitics = ["", "", "", "و", "ب", "ل", "وب", "ف"];

    private readonly Random random = new(seed);

    /// <summary>A corpus of the repository's gazetteer's names.</summary>
    public static async Task<ArticleCorpus> OfRepositoryGazetteerAsync(int seed = 20161201)
    {
        await using var file = File.OpenRead(RepositoryFiles.GazetteerFile);
        return new ArticleCorpus(await Gazetteer.ReadAsync(file), seed);
    }

    /// <summary>Writes <paramref name="count"/> articles into a new folder, as an editor's folder to import holds them: a
    /// text file an article, with its metadata as front matter. Returns the folder.</summary>
    public async Task<string> WriteFilesAsync(string folder, int count)
    {
        var files = Directory.CreateDirectory(folder).FullName;
        foreach (var draft in Articles(count))
        {
            var text = string.Create(CultureInfo.InvariantCulture,
                $"---\ntitle: {draft.Title}\nsource: {draft.Source}\nlanguage: {draft.Language}\ndate: {draft.PublishedAt:O}\n---\n{draft.Body}");
            await File.WriteAllTextAsync(Path.Combine(files, draft.SourceKey + ".txt"), text, new UTF8Encoding(false));
        }

        return files;
    }

    public IEnumerable<ArticleDraft> Articles(int count)
    {
        var byType = gazetteer.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.ToList());
        var start = new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var body = new StringBuilder();
            var sentences = random.Next(8, 20);
            for (var s = 0; s < sentences; s++)
            {
                var sentence = Templates[random.Next(Templates.Length)]
                    .Replace("{person}", Name(byType[EntityType.Person]), StringComparison.Ordinal)
                    .Replace("{place}", Name(byType[EntityType.Place]), StringComparison.Ordinal)
                    .Replace("{organization}", Name(byType[EntityType.Organization]), StringComparison.Ordinal)
                    .Replace("{goods}", Goods[Draw(GoodsWeights)], StringComparison.Ordinal)
                    .Replace("{number}", Numbers[random.Next(Numbers.Length)], StringComparison.Ordinal)
                    .Replace("{weekday}", Weekdays[random.Next(Weekdays.Length)], StringComparison.Ordinal);
                body.Append(sentence).Append(' ');
            }

            var lead = body.ToString(0, Math.Min(body.Length, 60));
            yield return new ArticleDraft(
                $"corpus-{seed}-{i:D6}",
                lead[..lead.LastIndexOf(' ')],
                body.ToString().TrimEnd(),
                "ar",
                Sources[random.Next(Sources.Length)],
                null,
                start.AddMinutes(i * 17));
        }
    }

    /// <summary>An index drawn in proportion to its weight.</summary>
    private int Draw(double[] weights)
    {
        var draw = random.NextDouble() * weights.Sum();
        var index = 0;
        while (index < weights.Length - 1 && draw >= weights[index])
        {
            draw -= weights[index++];
        }

        return index;
    }

    /// <summary>One of the entity's Arabic spellings, sometimes behind a clitic, sometimes with hamza or diacritics varied.</summary>
    private string Name(List<GazetteerEntry> entities)
    {
        var entity = entities[random.Next(entities.Count)];
        var arabic = entity.Aliases.Where(a => Languages.Guess(a) == "ar").ToList();
        var alias = arabic[random.Next(arabic.Count)];
        alias = random.Next(6) switch
        {
            0 => alias.Replace('أ', 'ا').Replace('إ', 'ا'),
            1 => alias.Replace("ة", "ة\u064B", StringComparison.Ordinal),
            2 => alias.Replace("ل", "ل\u064E", StringComparison.Ordinal),
            _ => alias,
        };
        var clitic = Clitics[random.Next(Clitics.Length)];
        return clitic + alias;
    }
}
