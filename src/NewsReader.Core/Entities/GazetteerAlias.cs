namespace NewsReader.Core.Entities;

/// <summary>One spelling of an entity, as the recognizer is given it. A short alias (such as المرصد for
/// the Syrian Observatory) counts only after a longer alias of the same entity has appeared in the article.</summary>
public sealed record GazetteerAlias(int EntityId, string Text, bool IsShort = false);

/// <summary>A stretch of an article that names an entity, in UTF-16 offsets of the stored text.</summary>
public readonly record struct RecognizedMention(int EntityId, int Start, int Length);
