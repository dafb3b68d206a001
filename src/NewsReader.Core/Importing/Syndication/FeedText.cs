using System.Text;
using System.Text.RegularExpressions;

namespace NewsReader.Core.Importing.Syndication;

/// <summary>A feed's bytes as text, in the encoding they were written in, found the way the web finds it: a byte-order
/// mark first, then the charset of the HTTP Content-Type, then the XML declaration, then UTF-8 if the bytes are valid
/// UTF-8, else windows-1256 if they read as Arabic, else windows-1252 (what a declaration of ISO-8859-1 or
/// US-ASCII means in practice, smart quotes included).</summary>
public static partial class FeedText
{
    static FeedText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text and the name of the encoding it was read in. C1 control characters, which no feed means, are
    /// read as the windows-1252 characters their writers meant (smart quotes, dashes, the euro sign).</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes, string? contentType = null)
    {
        var (text, encoding) = DecodeAs(bytes, contentType);
        return (Demoronize(text), encoding);
    }

    private static string Demoronize(string text)
    {
        if (!text.Any(c => c is >= '\u0080' and <= '\u009F'))
        {
            return text;
        }

        var windows1252 = Encoding.GetEncoding(1252);
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '\u0080' and <= '\u009F' ? windows1252.GetString([(byte)c])[0] : c;
            }
        });
    }

    private static (string Text, string Encoding) DecodeAs(ReadOnlySpan<byte> bytes, string? contentType)
    {
        if (Bom(bytes) is { } bom)
        {
            return (bom.Encoding.GetString(bytes[bom.Length..]), bom.Encoding.WebName);
        }

        var declared = Charset(contentType) ?? Declaration(bytes);
        if (declared is not null && Find(declared) is { } encoding)
        {
            // UTF-16 and UTF-32 without a mark: the declaration is in the right code units already (Declaration reads them).
            return (encoding.GetString(bytes), encoding.WebName);
        }

        try
        {
            return (StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            var arabic = Encoding.GetEncoding(1256).GetString(bytes);
            return ArabicShare(arabic) > 0.5 ? (arabic, "windows-1256") : (Encoding.GetEncoding(1252).GetString(bytes), "windows-1252");
        }
    }

    /// <summary>An encoding by its name as feeds write it; null for one .NET does not know. Latin-1 and ASCII are read as
    /// windows-1252, as browsers do, since that is what such feeds hold.</summary>
    public static Encoding? Find(string name)
    {
        var key = name.Trim().Trim('"', '\'').ToLowerInvariant();
        if (key is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1" or "l1")
        {
            return Encoding.GetEncoding(1252);
        }

        try
        {
            return Encoding.GetEncoding(key);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static (Encoding Encoding, int Length)? Bom(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
        _ => null,
    };

    private static string? Charset(string? contentType) =>
        contentType is null ? null : CharsetPattern().Match(contentType) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The encoding named in the XML declaration, read in whatever width of code unit the first bytes show.</summary>
    private static string? Declaration(ReadOnlySpan<byte> bytes)
    {
        var (width, offset, encoding) = bytes switch
        {
            [0x00, 0x00, 0x00, 0x3C, ..] => (4, 3, "utf-32be"),
            [0x3C, 0x00, 0x00, 0x00, ..] => (4, 0, "utf-32le"),
            [0x00, 0x3C, 0x00, 0x3F, ..] => (2, 1, "utf-16be"),
            [0x3C, 0x00, 0x3F, 0x00, ..] => (2, 0, "utf-16le"),
            _ => (1, 0, (string?)null),
        };
        var head = new StringBuilder();
        for (var i = offset; i < bytes.Length && head.Length < 200; i += width)
        {
            head.Append((char)bytes[i]);
            if (bytes[i] == (byte)'>')
            {
                break;
            }
        }

        var declared = DeclarationPattern().Match(head.ToString()) is { Success: true } m ? m.Groups[1].Value : null;
        return width == 1 ? declared : encoding;
    }

    /// <summary>How much of the text's non-ASCII letters are Arabic: markup and Latin words are ASCII either way.</summary>
    private static double ArabicShare(string text)
    {
        var (letters, arabic) = (0, 0);
        foreach (var c in text)
        {
            if (c > '\u007F' && char.IsLetter(c))
            {
                letters++;
                arabic += c is >= '\u0600' and <= '\u06FF' ? 1 : 0;
            }
        }

        return letters == 0 ? 0 : (double)arabic / letters;
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9._:\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();

    [GeneratedRegex(@"^\s*<\?xml[^>]*\bencoding\s*=\s*[""']([A-Za-z0-9._:\-]+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex DeclarationPattern();
}
