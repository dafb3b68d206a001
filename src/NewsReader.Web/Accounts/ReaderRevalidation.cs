using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NewsReader.Data.Accounts;

namespace NewsReader.Web.Accounts;

/// <summary>An open tab's sign-in, checked again every <c>NewsReader:AccountRefreshSeconds</c> (as the Blazor template's
/// <c>IdentityRevalidatingAuthenticationStateProvider</c> does): a deleted account, a changed password or a role given or
/// taken back ends the circuit's sign-in, so pages and handlers that ask for it stop offering what it no longer allows.
/// The cookie itself is refreshed on the next page load, signed in with the current roles.</summary>
internal sealed class ReaderRevalidation(
    ILoggerFactory loggers, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime,
    IOptions<IdentityOptions> identity, IOptions<SecurityStampValidatorOptions> stamps)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval =>
        stamps.Value.ValidationInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : stamps.Value.ValidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        try
        {
            return await IsCurrentAsync(authenticationState.User);
        }
        catch (ObjectDisposedException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // A check that falls in the app's shutdown finds the services gone; the circuit ends with the app.
            return true;
        }
    }

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal user)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ReaderAccount>>();
        var account = await users.GetUserAsync(user);
        if (account is null)
        {
            return false;
        }

        var stamp = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(account)
            && user.IsEditor() == await users.IsInRoleAsync(account, ReaderRoles.Editor);
    }
}
