using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Course.Notebooks.Files;

namespace Course.Kernel.Specs;

/// <summary>
/// Writes and removes the kit's Jupyter kernelspec: a folder <c>kernels/NAME</c> holding <c>kernel.json</c>
/// (the command that starts the kernel, its display name, language <c>C#</c>, interrupts by message), in
/// Jupyter's user data folder or under a prefix (<c>PREFIX/share/jupyter/kernels/NAME</c>).
/// </summary>
/// <remarks>
/// The default name is <c>.net-csharp</c>, the kernel the course notebooks' metadata asks for, so Jupyter opens
/// them with this kernel. .NET Interactive installs a kernel of that name too; a kernelspec of the name that
/// this kit did not write (its <c>kernel.json</c> has no <c>metadata.course_kit</c>) is never replaced or
/// removed: the install is refused with a message suggesting <c>--name</c>.
/// </remarks>
public static partial class KernelSpecInstaller
{
    /// <summary>The default kernel name: the one the course notebooks' <c>kernelspec</c> metadata names.</summary>
    public const string DefaultName = ".net-csharp";

    /// <summary>The default display name shown in Jupyter's kernel picker.</summary>
    public const string DefaultDisplayName = "C# (course kit)";

    /// <summary>The key under <c>kernel.json</c>'s <c>metadata</c> that marks a kernelspec as this kit's.</summary>
    public const string MarkerKey = "course_kit";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Whether a name is a valid kernel name for Jupyter: letters, digits, <c>.</c>, <c>_</c> and <c>-</c>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>True when Jupyter accepts it.</returns>
    public static bool IsValidName(string name) => !string.IsNullOrEmpty(name) && KernelName().IsMatch(name);

    /// <summary>
    /// The <c>kernels</c> folder an install writes to: <c>PREFIX/share/jupyter/kernels</c> with a prefix,
    /// otherwise the user's (<c>$JUPYTER_DATA_DIR/kernels</c>, else <c>~/.local/share/jupyter/kernels</c> on
    /// Linux, <c>~/Library/Jupyter/kernels</c> on macOS, <c>%APPDATA%\jupyter\kernels</c> on Windows).
    /// </summary>
    /// <param name="prefix">The prefix, or null for the user's folder.</param>
    /// <returns>The folder's full path.</returns>
    public static string KernelsDirectory(string? prefix) =>
        prefix is null
            ? Path.Combine(UserDataDirectory(), "kernels")
            : Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");

    /// <summary>Jupyter's per-user data folder, as <c>jupyter --data-dir</c> reports it.</summary>
    /// <returns>The folder's full path.</returns>
    public static string UserDataDirectory()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } explicitDirectory)
        {
            return Path.GetFullPath(explicitDirectory);
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        }

        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Jupyter");
        }

        string dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".local", "share");
        return Path.Combine(dataHome, "jupyter");
    }

    /// <summary>
    /// The <c>kernels</c> folders Jupyter searches, in its order: <c>$JUPYTER_PATH</c>, the user's data folder, the
    /// Python environment's (<c>jupyter --paths</c>, when Jupyter is on the PATH) and the system's.
    /// </summary>
    /// <returns>Full paths, without duplicates; some may not exist.</returns>
    public static IReadOnlyList<string> SearchDirectories()
    {
        var data = new List<string>();
        if (Environment.GetEnvironmentVariable("JUPYTER_PATH") is { Length: > 0 } jupyterPath)
        {
            data.AddRange(jupyterPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        }

        data.Add(UserDataDirectory());
        data.AddRange(JupyterReportedDataPaths());
        if (!OperatingSystem.IsWindows())
        {
            data.Add("/usr/local/share/jupyter");
            data.Add("/usr/share/jupyter");
        }

        return data.Select(folder => Path.Combine(Path.GetFullPath(folder), "kernels")).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Writes the kernelspec, refusing to replace one this kit did not write.</summary>
    /// <param name="name">The kernel name (<see cref="DefaultName"/> unless the user chose another).</param>
    /// <param name="displayName">The name Jupyter's kernel picker shows.</param>
    /// <param name="argv">The command that starts the kernel, with the <c>{connection_file}</c> placeholder.</param>
    /// <param name="prefix">Install under <c>PREFIX/share/jupyter</c>; null for the user's data folder.</param>
    /// <param name="searchDirectories">The <c>kernels</c> folders to look for a kernel of the same name in; null for <see cref="SearchDirectories"/>.</param>
    /// <returns>What happened.</returns>
    public static KernelSpecResult Install(string name, string displayName, IReadOnlyList<string> argv, string? prefix, IEnumerable<string>? searchDirectories = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(displayName);
        ArgumentNullException.ThrowIfNull(argv);
        string kernels = KernelsDirectory(prefix);
        string target = Path.Combine(kernels, name);
        if (!IsValidName(name))
        {
            return new KernelSpecResult(false, target, $"'{name}' is not a valid kernel name: use letters, digits, '.', '_' and '-' only.");
        }

        IEnumerable<string> places = (searchDirectories ?? SearchDirectories()).Append(kernels).Distinct(StringComparer.Ordinal);
        foreach (string folder in places)
        {
            string existing = Path.Combine(folder, name);
            if (File.Exists(Path.Combine(existing, "kernel.json")) && !IsOurs(existing))
            {
                return new KernelSpecResult(false, target,
                    $"A Jupyter kernel named '{name}' is already installed at {existing}, and this kit did not install it "
                    + "(.NET Interactive installs one with this name). It was left alone.\n"
                    + $"Install this kernel under another name instead, e.g.: course kernel install --name csharp-course");
            }
        }

        bool replaced = Directory.Exists(target);
        Directory.CreateDirectory(target);
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray(argv.Select(arg => (JsonNode?)JsonValue.Create(arg)).ToArray()),
            ["display_name"] = displayName,
            ["language"] = "C#",
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject
            {
                [MarkerKey] = new JsonObject { ["installed_by"] = "course kernel install" },
                ["debugger"] = false,
            },
        };
        AtomicFile.WriteAllText(Path.Combine(target, "kernel.json"), spec.ToJsonString(Indented) + "\n");
        return new KernelSpecResult(true, target, $"{(replaced ? "Updated" : "Installed")} the Jupyter kernel '{name}' ({displayName}) in {target}");
    }

    /// <summary>Removes the kernelspec, if this kit wrote it.</summary>
    /// <param name="name">The kernel name.</param>
    /// <param name="prefix">The prefix it was installed under; null for the user's data folder.</param>
    /// <returns>What happened.</returns>
    public static KernelSpecResult Uninstall(string name, string? prefix)
    {
        ArgumentNullException.ThrowIfNull(name);
        string target = Path.Combine(KernelsDirectory(prefix), name);
        if (!IsValidName(name))
        {
            return new KernelSpecResult(false, target, $"'{name}' is not a valid kernel name.");
        }

        if (!File.Exists(Path.Combine(target, "kernel.json")))
        {
            return new KernelSpecResult(false, target, $"No Jupyter kernel named '{name}' is installed in {Path.GetDirectoryName(target)}.");
        }

        if (!IsOurs(target))
        {
            return new KernelSpecResult(false, target, $"The Jupyter kernel '{name}' in {target} was not installed by this kit; it was left alone (remove it with: jupyter kernelspec remove {name}).");
        }

        Directory.Delete(target, recursive: true);
        return new KernelSpecResult(true, target, $"Removed the Jupyter kernel '{name}' from {target}");
    }

    /// <summary>Whether a kernelspec folder holds a <c>kernel.json</c> this kit wrote.</summary>
    /// <param name="directory">The kernelspec folder.</param>
    /// <returns>True when its metadata carries <see cref="MarkerKey"/>.</returns>
    public static bool IsOurs(string directory)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "kernel.json")))?["metadata"]?[MarkerKey] is not null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The data folders <c>jupyter --paths --json</c> reports (a conda or virtualenv prefix among them); empty without Jupyter.</summary>
    private static IEnumerable<string> JupyterReportedDataPaths()
    {
        try
        {
            var start = new ProcessStartInfo("jupyter")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("--paths");
            start.ArgumentList.Add("--json");
            using Process? process = Process.Start(start);
            if (process is null)
            {
                return [];
            }

            Task<string> output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(15_000))
            {
                process.Kill(entireProcessTree: true);
                return [];
            }

            return process.ExitCode == 0 && JsonNode.Parse(output.Result)?["data"] is JsonArray paths
                ? paths.Select(path => path?.GetValue<string>()).OfType<string>().ToArray()
                : [];
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or JsonException or InvalidOperationException or IOException)
        {
            return [];
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9._-]+$")]
    private static partial Regex KernelName();
}
