using CitizenBot.Core.Commune;
using FuzzySharp;

namespace CitizenBot.Core.Guide;

/// <summary>Something free text may name: a procedure of the guide or a menu item, with the phrases citizens use for it.</summary>
public sealed record GuideCandidate(string Id, string Title, IReadOnlyList<string> Phrases);

/// <summary>A candidate and how well the text names it, from 0 to 1.</summary>
public sealed record GuideMatch(string Id, string Title, double Score);

/// <summary>What a short message is when it is not a request: a greeting or thanks.</summary>
public enum SmallTalk
{
    None,
    Greeting,
    Thanks,
}

/// <summary>
/// Matches free text against the candidates' phrases, without diacritics and tolerant of typos. Each phrase's
/// words are looked for among the message's words (equal, or close by FuzzySharp's ratio: "cu" for "cuu", "sanh"
/// for "sinh"), weighted by how rare the word is among the candidates (a word every procedure has, "đăng ký",
/// counts little), so a question hidden in a long message still finds its procedure. Filler words of questions
/// ("cho tôi hỏi", "cần gì", "làm") weigh little in a phrase, and a phrase of nothing but filler is dropped; a
/// phrase found only in part counts less.
/// </summary>
public sealed class GuideMatcher
{
    /// <summary>At or above: worth offering as a button.</summary>
    public const double Fits = 0.6;

    /// <summary>At or above, and clearly ahead of the next: answered straight away.</summary>
    public const double Sure = 0.82;

    /// <summary>How far ahead of the next the best must be to be answered straight away.</summary>
    public const double Margin = 0.12;

    /// <summary>How close a word of four letters or more must be (FuzzySharp's ratio): "sanh" for "sinh", "xinh" for "sinh".</summary>
    private const int WordSimilarity = 75;

    /// <summary>How close a short word must be ("cu" for "cuu", "hun" for "hon"), and only beside its neighbour in the phrase.</summary>
    private const int ShortWordSimilarity = 66;

    /// <summary>What a filler word of a phrase ("làm" in "làm giấy khai sinh") weighs beside a word that carries meaning.</summary>
    private const double FillerWeight = 0.3;

    /// <summary>What a phrase found only in part is worth, relative to the share of it found.</summary>
    private const double PartialPhrase = 0.75;

    private static readonly HashSet<string> Filler =
    [
        "toi", "minh", "em", "anh", "chi", "ong", "ba", "ban", "cho", "xin", "hoi", "muon", "can", "gi", "thi", "la", "lam",
        "the", "nao", "sao", "o", "dau", "di", "duoc", "khong", "ko", "k", "co", "a", "nhe", "nha", "oi", "voi", "cua",
        "va", "de", "nay", "do", "ve", "viec", "phai", "nhung", "bao", "nhieu", "lau", "tien", "giup", "huong", "dan",
        "thu", "tuc", "gium", "dum", "vay", "ah", "u", "ne", "roi", "se", "khi", "neu", "hay", "hoac", "mot", "cac",
        "nhu", "ra", "vao", "len", "xuong", "tai", "den", "thoi", "gian", "ngay", "hom", "mai",
    ];

    /// <summary>Two words that mean one thing and whose first, alone, is a filler ("cần" and "cán" both fold to "can").</summary>
    private static readonly (string Words, string Joined)[] Compounds = [(" can bo ", " canbo "), (" can cuoc ", " cancuoc ")];

    /// <summary>Other spellings and shorthands of the same word ("kí" and "ký", "đk" for "đăng ký").</summary>
    private static readonly Dictionary<string, string[]> Spellings = new()
    {
        ["ki"] = ["ky"],
        ["dk"] = ["dang", "ky"],
        ["dki"] = ["dang", "ky"],
        ["dky"] = ["dang", "ky"],
    };

    private static readonly string[] GreetingWords = ["chao", "alo", "hello", "helo", "hi", "xin"];
    private static readonly string[] ThanksPhrases = ["cam on", "camon", "thank", "thanks", "tks", "thank you", "cam ta"];
    private static readonly HashSet<string> Politeness =
    [
        "a", "nhe", "nha", "ban", "em", "anh", "chi", "ad", "admin", "bot", "moi", "nguoi", "ca", "xa", "ubnd", "nhieu", "rat",
        "oi", "ah", "nhe", "nhen", "chu", "co", "ong", "ba", "buoi", "sang", "chieu", "toi", "tro", "ly", "shop", "nhiu", "lam",
        "thanks", "thank", "you", "nhieu", "vang", "da", "ok", "oke", "okie", "dc", "duoc", "roi",
    ];

    private readonly List<(GuideCandidate Candidate, Phrase[] Phrases)> _candidates;

    /// <summary>Folds and weighs every phrase once, when the guide changes; a message then only folds its own words.</summary>
    public GuideMatcher(IEnumerable<GuideCandidate> candidates)
    {
        var folded = candidates.Select(c => (Candidate: c, Phrases: c.Phrases.Append(c.Title).Select(WordsOf)
            .Where(p => p.Any(w => !Filler.Contains(w))).Distinct(PhraseComparer.Instance).ToList())).ToList();
        var documents = folded.Count;
        var weight = folded
            .SelectMany(c => c.Phrases.SelectMany(p => p).Distinct())
            .GroupBy(w => w)
            .ToDictionary(g => g.Key, g => Math.Log(1 + (double)documents / g.Count()));
        _candidates = [.. folded.Select(c => (c.Candidate, c.Phrases.Select(p => new Phrase(p, weight)).ToArray()))];
    }

    /// <summary>A phrase's folded words with what scoring needs of them, computed once: weights, fillers, each word joined to its neighbours.</summary>
    private sealed class Phrase
    {
        public Phrase(string[] words, Dictionary<string, double> weight)
        {
            Words = words;
            IsFiller = [.. words.Select(Filler.Contains)];
            Weights = [.. words.Select((w, i) => weight.GetValueOrDefault(w, 1.0) * (IsFiller[i] ? FillerWeight : 1))];
            WithNext = [.. words.Select((w, i) => i + 1 < words.Length ? w + words[i + 1] : null)];
            WithPrevious = [.. words.Select((w, i) => i > 0 ? words[i - 1] + w : null)];
            Total = Weights.Sum();
        }

        public string[] Words { get; }

        public bool[] IsFiller { get; }

        public double[] Weights { get; }

        /// <summary>"khaisinh" for "khai" in "khai sinh": a message may run two words together.</summary>
        public string?[] WithNext { get; }

        public string?[] WithPrevious { get; }

        public double Total { get; }
    }

    /// <summary>The candidates the text names, best first, down to <paramref name="atLeast"/>.</summary>
    public IReadOnlyList<GuideMatch> Rank(string? text, double atLeast = Fits)
    {
        var words = WordsOf(text);
        if (words.Length == 0)
        {
            return [];
        }

        return [.. _candidates
            .Select(c => new GuideMatch(c.Candidate.Id, c.Candidate.Title, c.Phrases.Max(p => Score(p, words))))
            .Where(m => m.Score >= atLeast)
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <summary>A greeting ("xin chào", "alo") or thanks ("cảm ơn nhé") with nothing else asked in it.</summary>
    public static SmallTalk SmallTalkOf(string? text)
    {
        var words = TextMatching.Words(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Squeeze).ToArray();
        if (words.Length == 0 || words.Length > 8)
        {
            return SmallTalk.None;
        }

        var joined = string.Join(' ', words);
        var thanks = ThanksPhrases.FirstOrDefault(p => (" " + joined + " ").Contains(" " + p + " ", StringComparison.Ordinal));
        if (thanks is not null)
        {
            var rest = (" " + joined + " ").Replace(" " + thanks + " ", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return rest.All(w => Politeness.Contains(w) || GreetingWords.Contains(w)) ? SmallTalk.Thanks : SmallTalk.None;
        }

        return words.Any(w => GreetingWords.Contains(w) && w != "xin") && words.All(w => GreetingWords.Contains(w) || Politeness.Contains(w))
            ? SmallTalk.Greeting
            : SmallTalk.None;
    }

    /// <summary>Letters repeated for emphasis count once ("alooo", "chàooo").</summary>
    private static string Squeeze(string word)
    {
        var chars = new List<char>(word.Length);
        foreach (var c in word)
        {
            if (chars.Count == 0 || chars[^1] != c || char.IsDigit(c))
            {
                chars.Add(c);
            }
        }

        return new string([.. chars]);
    }

    /// <summary>The folded words, with the compounds joined.</summary>
    private static string[] WordsOf(string? text)
    {
        var folded = " " + TextMatching.Words(text) + " ";
        foreach (var (compound, joined) in Compounds)
        {
            folded = folded.Replace(compound, joined, StringComparison.Ordinal);
        }

        return [.. folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetter))
            .SelectMany(w => Spellings.TryGetValue(w, out var written) ? written : [w])];
    }

    private static double Score(Phrase phrase, string[] message)
    {
        double found = 0;
        var missing = false;
        for (var i = 0; i < phrase.Words.Length; i++)
        {
            var best = Best(phrase, i, message);
            found += phrase.Weights[i] * best;
            missing |= best == 0;
        }

        // A phrase found only in part names something else more often than not ("cấp đổi sổ đỏ" is not "trợ cấp").
        return phrase.Total == 0 ? 0 : found / phrase.Total * (missing ? PartialPhrase : 1);
    }

    /// <summary>How well the message holds the phrase's i-th word: 1 as it is, less for a typo or two words run together.</summary>
    private static double Best(Phrase phrase, int i, string[] message)
    {
        var word = phrase.Words[i];
        var filler = phrase.IsFiller[i];
        double best = 0;
        for (var j = 0; j < message.Length; j++)
        {
            var candidate = message[j];
            if (candidate == word)
            {
                return 1;
            }

            if (filler)
            {
                continue;
            }

            var shortest = Math.Min(word.Length, candidate.Length);
            var longest = Math.Max(word.Length, candidate.Length);
            if (shortest >= 4 && longest >= 5 && AtLeast(word, candidate, WordSimilarity))
            {
                best = Math.Max(best, 0.85);
            }
            else if (shortest >= 2 && longest >= 3 && longest <= 4 && AtLeast(word, candidate, ShortWordSimilarity) && BesideNeighbour(phrase.Words, i, message, j))
            {
                // A short word is a typo only where its neighbour in the phrase stands ("tra cu ho so"), not anywhere ("tờ" is not
                // "trợ"); a letter changed in a short word often makes another word ("tiêm" and "tiếp"), so it counts less than one left out.
                best = Math.Max(best, word.Length == candidate.Length ? 0.6 : 0.8);
            }

            // "khaisinh" for "khai sinh".
            if (candidate.Length >= 5 && phrase.WithNext[i] is { } withNext && AtLeast(withNext, candidate, 88))
            {
                best = Math.Max(best, 0.9);
            }

            if (candidate.Length >= 5 && phrase.WithPrevious[i] is { } withPrevious && AtLeast(withPrevious, candidate, 88))
            {
                best = Math.Max(best, 0.9);
            }
        }

        return best;
    }

    /// <summary>
    /// FuzzySharp's ratio reaches <paramref name="threshold"/>. Its ratio is 200 × (longest common subsequence) / (sum of
    /// lengths), rounded; the shorter length and the letters both words share bound that subsequence, so most pairs of a
    /// message's word and the guide's are ruled out without computing an edit distance (same answers, far less work).
    /// </summary>
    private static bool AtLeast(string a, string b, int threshold)
    {
        var limit = (threshold - 0.5) * (a.Length + b.Length);
        return 200.0 * Math.Min(a.Length, b.Length) >= limit && 200.0 * SharedLetters(a, b) >= limit && Fuzz.Ratio(a, b) >= threshold;
    }

    /// <summary>How many letters the two words share, counted with repeats; folded words are ASCII, anything else is not bounded.</summary>
    private static int SharedLetters(string a, string b)
    {
        Span<byte> counts = stackalloc byte[128];
        counts.Clear();
        foreach (var c in a)
        {
            if (c >= 128 || counts[c] == byte.MaxValue)
            {
                return Math.Min(a.Length, b.Length);
            }

            counts[c]++;
        }

        var shared = 0;
        foreach (var c in b)
        {
            if (c >= 128)
            {
                return Math.Min(a.Length, b.Length);
            }

            if (counts[c] > 0)
            {
                counts[c]--;
                shared++;
            }
        }

        return shared;
    }

    private static bool BesideNeighbour(string[] phrase, int i, string[] message, int j) =>
        (i > 0 && j > 0 && Close(phrase[i - 1], message[j - 1])) || (i + 1 < phrase.Length && j + 1 < message.Length && Close(phrase[i + 1], message[j + 1]));

    private static bool Close(string a, string b) => a == b || (Math.Min(a.Length, b.Length) >= 4 && AtLeast(a, b, WordSimilarity));

    private sealed class PhraseComparer : IEqualityComparer<string[]>
    {
        public static readonly PhraseComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(string[] obj) => string.Join(' ', obj).GetHashCode(StringComparison.Ordinal);
    }
}
