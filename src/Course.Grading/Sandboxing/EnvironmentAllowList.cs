using System.Diagnostics;

namespace Course.Grading.Sandboxing;

/// <summary>
/// The environment a runner is started with, sandboxed or not: only the variables named here pass from the grading
/// machine (its environment may hold tokens, such as a <c>DOTNET_*</c> variable with a feed's key, that student code
/// would print into its own feedback), and PATH is replaced by the system folders and the .NET host's.
/// Variables the run sets for the runner on purpose (the heap cap) are added after.
/// </summary>
public static class EnvironmentAllowList
{
    /// <summary>The variables that pass, by name.</summary>
    public static IReadOnlyList<string> Names { get; } = ["LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_NUMERIC", "LC_MESSAGES", "TZ", "TERM"];

    /// <summary>Empties <paramref name="start"/>'s environment but for <see cref="Names"/> and a fixed PATH.</summary>
    /// <param name="start">The command.</param>
    public static void Apply(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var kept = Names.Where(start.Environment.ContainsKey).ToDictionary(n => n, n => start.Environment[n]);
        start.Environment.Clear();
        foreach (var (name, value) in kept)
        {
            start.Environment[name] = value;
        }

        string host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? Path.GetDirectoryName(path)! : "/usr/share/dotnet";
        start.Environment["PATH"] = string.Join(Path.PathSeparator, [host, "/usr/local/bin", "/usr/bin", "/bin"]);
        // The runner must not look for NuGet feeds, telemetry or a first-run experience.
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // No diagnostics socket in the work folder (left behind as a special file) and nothing for a debugger to attach to.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
    }
}
