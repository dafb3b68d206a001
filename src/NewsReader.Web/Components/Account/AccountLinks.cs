namespace NewsReader.Web.Components.Account;

internal static class AccountLinks
{
    /// <summary>Where to go after signing in: only a path of this site, never another site (no open redirect).</summary>
    public static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
