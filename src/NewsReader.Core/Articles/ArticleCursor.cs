using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NewsReader.Core.Articles;

/// <summary>Where a page of articles, newest first, stopped: the last article's date and id. The next page starts
/// strictly after it (an older date, or the same date and a smaller id), so articles that arrive between two pages
/// never shift them, and no page costs more than the one before it (no <c>OFFSET</c>). A reader sees it as an opaque
/// token in the address.</summary>
public readonly record struct ArticleCursor(DateTimeOffset PublishedAt, int Id)
{
    private const string Version = "1";

    public static ArticleCursor After(DateTimeOffset publishedAt, int id) => new(publishedAt.ToUniversalTime(), id);

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"{Version}.{PublishedAt.UtcTicks}.{Id}")));

    /// <summary>Reads a token made by <see cref="Encode"/>; false for anything else.</summary>
    public static bool TryDecode(string? token, out ArticleCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[64];
        if (Base64Url.DecodeFromChars(token, bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != token.Length)
        {
            return false;
        }

        var parts = Encoding.ASCII.GetString(bytes[..written]).Split('.');
        if (parts is not [Version, var ticksText, var idText]
            || !long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new ArticleCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
