using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NewsReader.Data.Accounts;
using NewsReader.Data.Annotations;

namespace NewsReader.Web.Accounts;

/// <summary>Builds a reader's identity at sign-in. The first account created (or the one named in
/// <c>NewsReader:EditorEmail</c>) is made an Editor then, whichever way it registered, and receives the
/// annotations made before accounts existed.</summary>
public sealed class ReaderClaimsFactory(
    UserManager<ReaderAccount> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    IConfiguration configuration,
    EditorRole editors,
    AnnotationStore annotations)
    : UserClaimsPrincipalFactory<ReaderAccount, IdentityRole>(users, roles, options)
{
    /// <summary>The owner of every annotation made before accounts existed.</summary>
    public const string LocalReader = "local";

    public override async Task<ClaimsPrincipal> CreateAsync(ReaderAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await UserManager.IsInRoleAsync(user, ReaderRoles.Editor) && await ShouldBeEditorAsync(user))
        {
            await editors.GrantAsync(user);
            await annotations.AdoptAsync(LocalReader, user.Id);
        }

        return await base.CreateAsync(user);
    }

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ReaderAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ReaderClaims.DisplayName, ReaderAccount.ShownName(user.DisplayName, user.Email ?? user.UserName)));
        return identity;
    }

    private async Task<bool> ShouldBeEditorAsync(ReaderAccount user)
    {
        if (configuration["NewsReader:EditorEmail"] is { Length: > 0 } named)
        {
            return string.Equals(named, user.Email, StringComparison.OrdinalIgnoreCase);
        }

        var editors = await UserManager.GetUsersInRoleAsync(ReaderRoles.Editor);
        if (editors.Count > 0)
        {
            return false;
        }

        var first = UserManager.Users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Select(u => u.Id).FirstOrDefault();
        return first == user.Id;
    }
}
