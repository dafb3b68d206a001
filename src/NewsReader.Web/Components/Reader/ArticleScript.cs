namespace NewsReader.Web.Components.Reader;

/// <summary>The language and direction of the article being read, cascaded from the reader page, so that quotes and
/// drafts of its passages are set as the article is, whatever the interface's language.</summary>
public sealed record ArticleScript(string Language, string Direction);
