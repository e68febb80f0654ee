using System.Diagnostics;

namespace Course.Grading.Sandboxing;

/// <summary>
/// Helpers for running a command through a wrapper (bwrap, prlimit): the wrapper becomes the program
/// and the original command its trailing arguments, with everything else about the start kept.
/// </summary>
internal static class CommandWrapping
{
    /// <summary>
    /// A copy of <paramref name="start"/> that runs <paramref name="wrapper"/> with
    /// <paramref name="wrapperArguments"/>, then the original program and its arguments.
    /// </summary>
    /// <param name="start">The command to wrap.</param>
    /// <param name="wrapper">The wrapping program.</param>
    /// <param name="wrapperArguments">Its own arguments, ending with its separator (such as <c>--</c>) if it needs one.</param>
    /// <param name="environment">The environment of the new start; null keeps <paramref name="start"/>'s.</param>
    /// <returns>The new start.</returns>
    public static ProcessStartInfo Wrap(ProcessStartInfo start, string wrapper, IEnumerable<string> wrapperArguments, IEnumerable<KeyValuePair<string, string?>>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (string.IsNullOrEmpty(start.FileName))
        {
            throw new ArgumentException("The command to wrap has no program (ProcessStartInfo.FileName is empty).", nameof(start));
        }

        if (!string.IsNullOrEmpty(start.Arguments))
        {
            // One string of arguments would need re-parsing to pass through a wrapper safely.
            throw new ArgumentException(
                $"The command to wrap gives its arguments as one string ('{start.Arguments}'); give them as ProcessStartInfo.ArgumentList instead.", nameof(start));
        }

        var wrapped = new ProcessStartInfo(wrapper)
        {
            WorkingDirectory = start.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = start.RedirectStandardInput,
            RedirectStandardOutput = start.RedirectStandardOutput,
            RedirectStandardError = start.RedirectStandardError,
            StandardOutputEncoding = start.StandardOutputEncoding,
            StandardErrorEncoding = start.StandardErrorEncoding,
            CreateNoWindow = start.CreateNoWindow,
        };
        foreach (string argument in wrapperArguments)
        {
            wrapped.ArgumentList.Add(argument);
        }

        wrapped.ArgumentList.Add(start.FileName);
        foreach (string argument in start.ArgumentList)
        {
            wrapped.ArgumentList.Add(argument);
        }

        wrapped.Environment.Clear();
        foreach (var (name, value) in environment ?? start.Environment)
        {
            wrapped.Environment[name] = value;
        }

        return wrapped;
    }

    /// <summary>The full path of an executable on PATH, or null.</summary>
    /// <param name="name">The executable's name.</param>
    /// <returns>Its path, or null when PATH has none.</returns>
    public static string? FindOnPath(string name)
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
