using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsReader.Core.Articles;

namespace NewsReader.Data.Seeding;

/// <summary>Reads a folder of seed articles: each <c>NAME.txt</c> is a body, exactly as received,
/// and <c>NAME.json</c> beside it holds the metadata.</summary>
public static class SeedFolder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IEnumerable<string> BodyFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            : [];

    /// <summary>Reads one seed; throws <see cref="InvalidDataException"/> with a reader's message when it is malformed.</summary>
    public static async Task<ArticleDraft> ReadAsync(string bodyFile, CancellationToken cancellationToken = default)
    {
        var key = Path.GetFileNameWithoutExtension(bodyFile);
        var body = DecodeBody(await File.ReadAllBytesAsync(bodyFile, cancellationToken), bodyFile);
        var sidecar = Path.ChangeExtension(bodyFile, ".json");
        if (!File.Exists(sidecar))
        {
            throw new InvalidDataException($"{bodyFile}: no metadata file {Path.GetFileName(sidecar)} beside it.");
        }

        SeedMetadata? metadata;
        try
        {
            await using var stream = File.OpenRead(sidecar);
            metadata = await JsonSerializer.DeserializeAsync<SeedMetadata>(stream, JsonOptions, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{sidecar}: not valid metadata JSON ({e.Message}).", e);
        }

        if (metadata is null)
        {
            throw new InvalidDataException($"{sidecar}: empty metadata.");
        }

        var draft = new ArticleDraft(
            key,
            metadata.Title ?? "",
            body,
            metadata.Language ?? "",
            metadata.Source ?? "",
            metadata.Dateline,
            metadata.PublishedAt ?? File.GetLastWriteTimeUtc(bodyFile),
            metadata.Direction);
        var problems = draft.Validate();
        return problems.Count == 0
            ? draft
            : throw new InvalidDataException($"{Path.GetFileName(bodyFile)}: {string.Join(" ", problems)}");
    }

    private static string DecodeBody(byte[] bytes, string path)
    {
        // A byte-order mark is an encoding signal, not text.
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"{path}: not valid UTF-8 text.", e);
        }
    }
}
