namespace NewsReader.Web.Components.Annotations;

/// <summary>One chip of a <see cref="TagList"/>: a tag, or an entity with the link to its page.</summary>
public sealed record TagListItem(string Text, string? Href = null, string? Title = null);
