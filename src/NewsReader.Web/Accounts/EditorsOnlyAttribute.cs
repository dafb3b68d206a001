using Microsoft.AspNetCore.Authorization;
using NewsReader.Data.Accounts;

namespace NewsReader.Web.Accounts;

/// <summary>A page for Editors: a visitor is sent to sign in, a reader without the role is told it is for Editors.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EditorsOnlyAttribute : AuthorizeAttribute
{
    public EditorsOnlyAttribute() => Roles = ReaderRoles.Editor;
}
