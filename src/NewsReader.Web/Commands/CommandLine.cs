namespace NewsReader.Web.Commands;

/// <summary>A command given on the command line instead of running the web app: its name and its arguments.</summary>
public sealed record CommandLine(string Name, IReadOnlyList<string> Arguments)
{
    private static readonly string[] Names = [ImportCommand.Name, BackupCommand.Name, VerifyCommand.Name];

    /// <summary>The command the arguments name, or null for a web run; <paramref name="hostArgs"/> keeps the
    /// <c>--key=value</c> settings for the host. A command's own switches (<c>--repair</c>) stay its arguments.</summary>
    public static CommandLine? Parse(string[] args, out string[] hostArgs)
    {
        ArgumentNullException.ThrowIfNull(args);
        hostArgs = args;
        if (args.Length == 0 || !Names.Contains(args[0]))
        {
            return null;
        }

        hostArgs = args.Skip(1).Where(IsSetting).ToArray();
        return new CommandLine(args[0], args.Skip(1).Where(a => !IsSetting(a)).ToList());
    }

    private static bool IsSetting(string argument) => argument.StartsWith("--", StringComparison.Ordinal) && argument.Contains('=', StringComparison.Ordinal);
}
