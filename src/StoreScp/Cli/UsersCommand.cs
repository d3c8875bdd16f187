using System.CommandLine;
using System.Text;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Web.Security;

namespace VoxDose.StoreScp.Cli;

/// <summary>
/// <c>voxdose users add NAME --role viewer|physicist|admin</c> (password from <c>--password-env VAR</c> or typed at a
/// prompt, never on the command line), <c>users list</c>, <c>users delete NAME</c>: the web console's accounts.
/// </summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Manage the web console's users (stored in the audit database, PBKDF2 password hashes).");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Delete());
        return command;
    }

    private static Command Add()
    {
        var config = ConfigOption.Create();
        var name = new Argument<string>("name") { Description = "User name (letters, digits, . _ - @)." };
        var role = new Option<string>("--role") { Description = "viewer, physicist or admin.", Required = true };
        var passwordEnv = new Option<string?>("--password-env") { Description = "Read the password from this environment variable instead of a prompt." };
        var command = new Command("add", "Add a user, or reset the role and password of an existing one (unlocks it).");
        command.Options.Add(config);
        command.Arguments.Add(name);
        command.Options.Add(role);
        command.Options.Add(passwordEnv);
        command.SetAction(async (parseResult, ct) =>
        {
            if (!ConsoleRoles.TryParse(parseResult.GetValue(role), out var parsedRole))
                return await FailAsync("--role must be viewer, physicist or admin").ConfigureAwait(false);
            string? password;
            if (parseResult.GetValue(passwordEnv) is { } variable)
            {
                password = Environment.GetEnvironmentVariable(variable);
                if (string.IsNullOrEmpty(password)) return await FailAsync($"environment variable {variable} is empty or not set").ConfigureAwait(false);
            }
            else
            {
                if (Console.IsInputRedirected) return await FailAsync("no terminal to prompt for the password: use --password-env VAR").ConfigureAwait(false);
                password = Prompt("Password: ");
                if (Prompt("Repeat:   ") != password) return await FailAsync("the passwords differ").ConfigureAwait(false);
            }
            var users = await OpenAsync(parseResult.GetValue(config), ct).ConfigureAwait(false);
            if (users is null) return 1;
            try
            {
                await users.AddOrUpdateAsync(parseResult.GetValue(name)!, parsedRole, password, ct).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                return await FailAsync(e.Message).ConfigureAwait(false);
            }
            Console.WriteLine($"User {parseResult.GetValue(name)} saved with role {parsedRole.ToText()}.");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var config = ConfigOption.Create();
        var command = new Command("list", "List the console's users with their role, last login and lockout.");
        command.Options.Add(config);
        command.SetAction(async (parseResult, ct) =>
        {
            var users = await OpenAsync(parseResult.GetValue(config), ct).ConfigureAwait(false);
            if (users is null) return 1;
            foreach (var u in await users.ListAsync(ct).ConfigureAwait(false))
                Console.WriteLine($"{u.Name,-24} {u.Role.ToText(),-10} last login {(u.LastLoginAt is { } t ? AuditTime.Format(t) : "never")}" +
                                  (u.LockedUntil is { } l && l > DateTimeOffset.UtcNow ? $"  locked until {AuditTime.Format(l)}" : ""));
            return 0;
        });
        return command;
    }

    private static Command Delete()
    {
        var config = ConfigOption.Create();
        var name = new Argument<string>("name");
        var command = new Command("delete", "Delete a user.");
        command.Options.Add(config);
        command.Arguments.Add(name);
        command.SetAction(async (parseResult, ct) =>
        {
            var users = await OpenAsync(parseResult.GetValue(config), ct).ConfigureAwait(false);
            if (users is null) return 1;
            if (!await users.DeleteAsync(parseResult.GetValue(name)!, ct).ConfigureAwait(false))
                return await FailAsync($"no user {parseResult.GetValue(name)}").ConfigureAwait(false);
            Console.WriteLine($"User {parseResult.GetValue(name)} deleted.");
            return 0;
        });
        return command;
    }

    private static async Task<UserRepository?> OpenAsync(string? configFile, CancellationToken ct)
    {
        try
        {
            var options = NodeConfiguration.BindAndValidate(NodeConfiguration.Build(configFile));
            var database = AuditDatabase.FromOptions(options);
            await database.EnsureSchemaAsync(ct).ConfigureAwait(false);
            return new UserRepository(database, TimeProvider.System);
        }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or System.Data.Common.DbException or IOException)
        {
            await Console.Error.WriteLineAsync($"voxdose users: {e.Message}").ConfigureAwait(false);
            return null;
        }
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync($"voxdose users: {message}").ConfigureAwait(false);
        return 2;
    }

    /// <summary>Reads a line without echoing it.</summary>
    private static string Prompt(string label)
    {
        Console.Write(label);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; continue; }
            text.Append(key.KeyChar);
        }
        Console.WriteLine();
        return text.ToString();
    }
}
