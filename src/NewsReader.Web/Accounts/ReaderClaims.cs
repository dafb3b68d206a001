using System.Security.Claims;
using NewsReader.Data.Accounts;

namespace NewsReader.Web.Accounts;

/// <summary>Who is asking, as the services need it: the account id (null when anonymous), name and role.</summary>
public static class ReaderClaims
{
    public const string DisplayName = "display_name";

    public static string? ReaderId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }

    public static string ReaderName(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "a reader";
    }

    public static bool IsEditor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(ReaderRoles.Editor);
    }
}
