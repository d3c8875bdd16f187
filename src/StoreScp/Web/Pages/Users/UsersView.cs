using Microsoft.AspNetCore.Http;
using VoxDose.StoreScp.Web.Security;

namespace VoxDose.StoreScp.Web.Pages.Users;

public static class UsersView
{
    public static IResult Render(HttpContext http, IReadOnlyList<ConsoleUser> users, string? notice)
    {
        var rows = Html.Join(users, u => Html.Of($"""
            <tr><td>{u.Name}</td><td>{u.Role.ToText()}</td><td>{Layout.When(u.CreatedAt)}</td><td>{Layout.When(u.LastLoginAt)}</td>
            <td>{(u.LockedUntil is { } l && l > DateTimeOffset.UtcNow ? $"locked until {Layout.When(l)}" : $"{u.FailedLogins} failed")}</td>
            <td>{Layout.Form(http, $"/users/{Uri.EscapeDataString(u.Name)}/delete", Html.Raw("<button type=\"submit\">Delete</button>"), "inline")}</td></tr>
            """));
        var add = Layout.Form(http, "/users", Html.Of($"""
            <input name="name" placeholder="Name" required> <select name="role"><option>viewer</option><option>physicist</option><option>admin</option></select>
            <input name="password" type="password" placeholder="Password (at least {UserRepository.MinPasswordLength} characters)" required autocomplete="new-password">
            <button type="submit">Add or reset</button>
            """));
        return Layout.Page(http, "Users", Html.Of($"""
            {(string.IsNullOrEmpty(notice) ? Html.Empty : Html.Of($"<p class=\"notice\">{notice}</p>"))}
            <table id="users"><tr><th>Name</th><th>Role</th><th>Created</th><th>Last login</th><th>Lockout</th><th></th></tr>{rows}</table>
            <h2>Add a user or reset a password</h2>{add}
            """));
    }
}
