namespace NewsReader.Data.Tests;

/// <summary>Common news words in every form they are written in, for the word-forms tests: nouns with the article and
/// every proclitic and their combinations, names (which take no article) with the proclitics, and verbs with the
/// conjunctions. More than a third begin with و ف ب ك or ل, whose first letter a light stemmer mistakes for a proclitic.</summary>
internal static class WordFormsTable
{
    /// <summary>Nouns: بيان، الوزير، بالوزير، للجنة…</summary>
    public static readonly string[] Nouns =
    [
        // Beginning with و ف ب ك ل.
        "وزير", "ولاية", "وفد", "وكالة", "وقت", "وضع", "وثيقة", "وسيلة", "وحدة", "وزارة", "واقع", "وجه", "وعد", "وصول",
        "وقف", "وظيفة", "ورقة", "فريق", "فرصة", "فكرة", "فترة", "فصل", "فندق", "فوز", "فيلم", "فرع", "فقر", "بيان", "بلد",
        "بنك", "بحث", "برنامج", "بيت", "بطولة", "بحر", "بديل", "برلمان", "بنية", "بلدية", "بعثة", "كتاب", "كلمة", "كهرباء",
        "كنيسة", "كأس", "كمية", "كلية", "كارثة", "كتيبة", "كشف", "لجنة", "لقاء", "لاعب", "لغة", "لحظة", "لائحة", "لواء", "لعبة",

        // Others.
        "حكومة", "رئيس", "جيش", "مدينة", "دولة", "شعب", "حرب", "سلام", "اتفاق", "مفاوضات", "انتخابات", "معارضة", "قوات",
        "منطقة", "مجلس", "أمن", "اقتصاد", "سوق", "سعر", "نفط", "غاز", "طاقة", "مياه", "مستشفى", "مدرسة", "جامعة", "طالب",
        "صحفي", "مراسل", "تقرير", "خبر", "صحيفة", "قناة", "شركة", "مصنع", "عامل", "محكمة", "قاضي", "سجن", "شرطة", "حدود",
        "مطار", "طائرة", "سفينة", "ميناء", "طريق", "جسر", "سيارة", "حادث", "ضحية", "لاجئ", "مخيم", "غذاء", "دواء", "مرض",
        "طبيب", "ثورة", "احتجاج", "مظاهرة", "أزمة", "قرار", "قانون", "دستور", "حزب", "نائب", "سفير", "سفارة", "عاصمة", "قرية",
        "شارع", "منزل", "أسرة", "طفل", "امرأة", "رجل", "مباراة", "نادي", "هدنة", "معركة", "هجوم", "قصف", "حصار", "مساعدة",
    ];

    /// <summary>Names of places and countries: no article, but every proclitic (بفرنسا، ولبنان).</summary>
    public static readonly string[] Names = ["فرنسا", "لبنان", "ليبيا", "فلسطين", "بغداد", "بيروت", "حلب", "دمشق", "موسكو", "واشنطن"];

    /// <summary>Verbs in the past: the conjunctions only (وقال، فقال).</summary>
    public static readonly string[] Verbs =
    [
        "قال", "أعلن", "أكد", "أشار", "أضاف", "حذر", "دعا", "زار", "وصل", "غادر", "عقد", "شارك", "رفض", "وافق", "وقع",
        "نفى", "كتب", "لعب", "فاز", "فتح", "بدأ", "بلغ", "أفاد", "قتل", "اعتقل",
    ];

    /// <summary>A word and a word that merely shares its letters (one proclitic letter short, or one longer): neither may
    /// find the other.</summary>
    public static readonly (string Word, string NearMiss)[] NearMisses =
    [
        ("وزير", "زير"), ("لجنة", "جنة"), ("كتاب", "تاب"), ("فكرة", "كرة"), ("وحدة", "حدة"), ("ورقة", "رقة"), ("بحث", "حث"),
        ("فريق", "ريق"), ("كلمة", "لمة"), ("بلد", "لد"), ("وفد", "فد"), ("بيان", "يان"), ("فصل", "صل"), ("بديل", "ديل"),
        ("لعبة", "عبة"), ("وصول", "صول"), ("بنك", "نك"), ("فوز", "وز"), ("كشف", "شف"), ("وقت", "قت"),
    ];

    /// <summary>The forms of a noun: bare, with the article and each chain before it, and with each proclitic (ل before
    /// the article is written لل, and before a word that starts with ل it takes the article's place: للجنة).</summary>
    public static IReadOnlyList<string> NounForms(string noun)
    {
        var withArticle = noun.StartsWith('ل') ? "ل" + noun : "لل" + noun;
        string[] forms =
        [
            noun, "ال" + noun, "وال" + noun, "فال" + noun, "بال" + noun, "كال" + noun, "وبال" + noun, "فبال" + noun, "وكال" + noun,
            withArticle, "و" + withArticle, "ف" + withArticle,
            "و" + noun, "ف" + noun, "ب" + noun, "ك" + noun, "ل" + noun, "وب" + noun, "فب" + noun, "ول" + noun, "فل" + noun, "وك" + noun,
        ];
        return forms.Distinct(StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<string> NameForms(string name) =>
        [name, "و" + name, "ف" + name, "ب" + name, "ل" + name, "ك" + name, "وب" + name, "ول" + name, "فب" + name];

    public static IReadOnlyList<string> VerbForms(string verb) => [verb, "و" + verb, "ف" + verb];

    /// <summary>Every word with its forms.</summary>
    public static IEnumerable<(string Word, IReadOnlyList<string> Forms)> All() =>
        Nouns.Select(n => (n, NounForms(n)))
            .Concat(Names.Select(n => (n, NameForms(n))))
            .Concat(Verbs.Select(v => (v, VerbForms(v))));
}
