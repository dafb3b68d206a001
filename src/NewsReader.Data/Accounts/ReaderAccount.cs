using Microsoft.AspNetCore.Identity;

namespace NewsReader.Data.Accounts;

/// <summary>A reader's account (ASP.NET Core Identity): what others see of it is the display name.</summary>
public sealed class ReaderAccount : IdentityUser
{
    public const int MaxDisplayNameLength = 100;

    /// <summary>The name shown with shared annotations; accounts made through the token API start with their e-mail's name.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>When the account was created: the first account becomes an Editor.</summary>
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>The name others see: the display name, or else the name of the e-mail (accounts made through
    /// the token API have no display name yet).</summary>
    public static string ShownName(string? displayName, string? email) =>
        displayName is { Length: > 0 } ? displayName : (email ?? "").Split('@')[0];
}

/// <summary>The roles: every account reads and annotates; Editors also add, edit and delete articles and gazetteer entries.</summary>
public static class ReaderRoles
{
    public const string Editor = "Editor";
}
