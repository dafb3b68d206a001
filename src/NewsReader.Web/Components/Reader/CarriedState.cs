using System.Text.Json;

namespace NewsReader.Web.Components.Reader;

/// <summary>What the reader page carries from its prerender into its circuit must fit the first message the browser
/// sends back, and that message's limit is what any connection, a stranger's included, may send. So the page carries
/// its article, mentions and annotations only while they fit <see cref="MaxBytes"/> as JSON; a larger article (or a
/// crowded one) is read again by the circuit, at the cost of a moment without it on screen.</summary>
public static class CarriedState
{
    /// <summary>The budget, as the JSON that persisted state is written as (Arabic escaped, six bytes a letter).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The circuit's message limit: the budget in base64, with room for the other components' small states.</summary>
    public const long MaxMessageBytes = (MaxBytes / 3 * 4) + (256 * 1024);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The bytes of JSON these values are carried as.</summary>
    public static long SizeOf(params object?[] values) => values.Sum(v => (long)JsonSerializer.SerializeToUtf8Bytes(v, Options).Length);
}
