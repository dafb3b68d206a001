using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data.Accounts;

namespace NewsReader.Web.Accounts;

/// <summary>An account as the Readers page lists it.</summary>
public sealed record ReaderListing(string Id, string Name, string Email, DateTimeOffset CreatedAt, bool IsEditor);

/// <summary>Who is an Editor. Editors make other readers Editors and take the role back, but the last Editor
/// keeps it: without one, nobody could add articles or name a new Editor.</summary>
public sealed class EditorRole(UserManager<ReaderAccount> users, RoleManager<IdentityRole> roles)
{
    /// <summary>Every account, oldest first.</summary>
    public async Task<IReadOnlyList<ReaderListing>> ListAsync(CancellationToken cancellationToken = default)
    {
        var editors = (await users.GetUsersInRoleAsync(ReaderRoles.Editor)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var accounts = await users.Users.AsNoTracking().OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).ToListAsync(cancellationToken);
        return accounts.Select(a => new ReaderListing(a.Id, ReaderAccount.ShownName(a.DisplayName, a.Email), a.Email ?? "", a.CreatedAt, editors.Contains(a.Id))).ToList();
    }

    public async Task GrantAsync(ReaderAccount account)
    {
        if (await users.IsInRoleAsync(account, ReaderRoles.Editor))
        {
            return;
        }

        if (!await roles.RoleExistsAsync(ReaderRoles.Editor))
        {
            await roles.CreateAsync(new IdentityRole(ReaderRoles.Editor));
        }

        await users.AddToRoleAsync(account, ReaderRoles.Editor);
    }

    /// <summary>Takes the role back; the reason it was refused, if it was.</summary>
    public async Task<string?> RevokeAsync(ReaderAccount account)
    {
        if (!await users.IsInRoleAsync(account, ReaderRoles.Editor))
        {
            return null;
        }

        if ((await users.GetUsersInRoleAsync(ReaderRoles.Editor)).Count <= 1)
        {
            return $"{ReaderAccount.ShownName(account.DisplayName, account.Email)} is the only Editor. Make another reader an Editor first: NewsReader always needs one.";
        }

        await users.RemoveFromRoleAsync(account, ReaderRoles.Editor);
        return null;
    }
}
