using System.CommandLine;
using System.Runtime.InteropServices;
using Course.Kernel.Server;
using Course.Kernel.Specs;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course kernel</c>: the kit's Jupyter kernel for C#, backed by the same notebook engine as <c>course run</c>.
/// <c>install</c> writes a kernelspec so JupyterLab, classic Notebook, VS Code's Jupyter extension and
/// <c>jupyter nbconvert --execute</c> can start it; <c>uninstall</c> removes it; <c>start</c> is what Jupyter runs.
/// </summary>
/// <remarks>Exit codes: 0 done; 1 refused (a kernel of that name that this kit did not install, none to remove); 2 wrong arguments.</remarks>
public static class KernelCommand
{
    /// <summary>The exit code when the command did what was asked.</summary>
    public const int ExitOk = 0;

    /// <summary>The exit code when an install or uninstall was refused.</summary>
    public const int ExitRefused = 1;

    /// <summary>The exit code for wrong arguments.</summary>
    public const int ExitUsage = 2;

    /// <summary>Builds the <c>kernel</c> command and its subcommands.</summary>
    /// <returns>The command.</returns>
    public static Command Create() =>
        new("kernel", "Install, remove or start the kit's Jupyter kernel for C# (the course notebooks' engine, in Jupyter).")
        {
            CreateInstall(),
            CreateUninstall(),
            CreateStart(),
        };

    /// <summary>
    /// The command line that starts the kernel from any folder: this .NET host and the absolute path of
    /// <c>course.dll</c> (or the executable itself in a single-file publish), then
    /// <c>kernel start --connection-file {connection_file}</c>.
    /// </summary>
    /// <returns>The kernelspec's <c>argv</c>.</returns>
    public static IReadOnlyList<string> LaunchCommand()
    {
        string[] arguments = ["kernel", "start", "--connection-file", "{connection_file}"];
        string assembly = typeof(KernelCommand).Assembly.Location;

        // A single-file publish has no course.dll: the executable itself is the command.
        return assembly.Length == 0 && Environment.ProcessPath is string self
            ? [self, .. arguments]
            : [DotnetHost(), Path.GetFullPath(assembly), .. arguments];
    }

    private static Command CreateInstall()
    {
        var (user, prefix, name) = LocationOptions("Kernel name; the course notebooks ask for '" + KernelSpecInstaller.DefaultName + "'.");
        var displayName = new Option<string>("--display-name")
        {
            Description = "The name Jupyter's kernel picker shows.",
            DefaultValueFactory = _ => KernelSpecInstaller.DefaultDisplayName,
            HelpName = "TEXT",
        };
        var command = new Command(
            "install",
            "Write a Jupyter kernelspec for this kit's C# kernel. Refuses to replace a kernel of the same name that it did not install (e.g. .NET Interactive's); then use --name.")
        {
            user, prefix, name, displayName,
        };
        command.SetAction(parse =>
        {
            if (Location(parse, user, prefix, name, "install") is not (string kernelName, var prefixValue))
            {
                return ExitUsage;
            }

            KernelSpecResult result;
            try
            {
                result = KernelSpecInstaller.Install(kernelName, parse.GetValue(displayName) ?? KernelSpecInstaller.DefaultDisplayName, LaunchCommand(), prefixValue);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"course kernel install: could not write the kernelspec: {e.Message}");
                return ExitRefused;
            }

            if (!result.Succeeded)
            {
                parse.InvocationConfiguration.Error.WriteLine($"course kernel install: {result.Message}");
                return ExitRefused;
            }

            TextWriter output = parse.InvocationConfiguration.Output;
            output.WriteLine(result.Message);
            output.WriteLine($"It starts: {string.Join(' ', LaunchCommand())}");
            if (prefixValue is not null)
            {
                output.WriteLine($"Jupyter finds it when {Path.Combine(Path.GetFullPath(prefixValue), "share", "jupyter")} is on JUPYTER_PATH (or is the prefix of the Python environment that runs Jupyter).");
            }

            return ExitOk;
        });
        return command;
    }

    private static Command CreateUninstall()
    {
        var (user, prefix, name) = LocationOptions("Name of the kernel to remove.");
        var command = new Command("uninstall", "Remove the kernelspec that 'course kernel install' wrote (never one it did not write).")
        {
            user, prefix, name,
        };
        command.SetAction(parse =>
        {
            if (Location(parse, user, prefix, name, "uninstall") is not (string kernelName, var prefixValue))
            {
                return ExitUsage;
            }

            KernelSpecResult result;
            try
            {
                result = KernelSpecInstaller.Uninstall(kernelName, prefixValue);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"course kernel uninstall: could not remove the kernelspec: {e.Message}");
                return ExitRefused;
            }

            (result.Succeeded ? parse.InvocationConfiguration.Output : parse.InvocationConfiguration.Error)
                .WriteLine(result.Succeeded ? result.Message : $"course kernel uninstall: {result.Message}");
            return result.Succeeded ? ExitOk : ExitRefused;
        });
        return command;
    }

    private static Command CreateStart()
    {
        var connectionFile = new Option<string>("--connection-file", "-f")
        {
            Description = "The connection file Jupyter writes (ports and signing key). Jupyter passes it; you do not run this by hand.",
            Required = true,
            HelpName = "FILE",
        };
        var command = new Command("start", "Run the kernel on a Jupyter connection file until Jupyter shuts it down (what the kernelspec's argv runs).")
        {
            connectionFile,
        };

        // Synchronous on purpose: System.CommandLine ends an asynchronous action on Ctrl+C, but in a kernel SIGINT
        // means "interrupt the running cell", which KernelHost handles itself.
        command.SetAction(parse => KernelHost.Run(parse.GetValue(connectionFile)!, parse.InvocationConfiguration.Error));
        return command;
    }

    private static (Option<bool> User, Option<string> Prefix, Option<string> Name) LocationOptions(string nameDescription)
    {
        var user = new Option<bool>("--user")
        {
            Description = "Use Jupyter's per-user data folder (~/.local/share/jupyter/kernels on Linux). The default.",
        };
        var prefix = new Option<string>("--prefix")
        {
            Description = "Use DIR/share/jupyter/kernels instead, e.g. a virtual environment's prefix (Jupyter finds it when DIR/share/jupyter is on JUPYTER_PATH).",
            HelpName = "DIR",
        };
        var name = new Option<string>("--name")
        {
            Description = nameDescription,
            DefaultValueFactory = _ => KernelSpecInstaller.DefaultName,
            HelpName = "NAME",
        };
        return (user, prefix, name);
    }

    private static (string Name, string? Prefix)? Location(ParseResult parse, Option<bool> user, Option<string> prefix, Option<string> name, string verb)
    {
        string? prefixValue = parse.GetValue(prefix);
        if (parse.GetValue(user) && prefixValue is not null)
        {
            parse.InvocationConfiguration.Error.WriteLine($"course kernel {verb}: choose either --user or --prefix, not both.");
            return null;
        }

        if (prefixValue is { Length: 0 })
        {
            parse.InvocationConfiguration.Error.WriteLine($"course kernel {verb}: --prefix needs a folder.");
            return null;
        }

        // The kernelspec goes to PREFIX/share/jupyter/kernels: a file in the way is the user's mistake, told in one line.
        if (prefixValue is not null && FileInTheWay(Path.GetFullPath(prefixValue)) is { } file)
        {
            parse.InvocationConfiguration.Error.WriteLine(file == Path.GetFullPath(prefixValue)
                ? $"course kernel {verb}: --prefix '{prefixValue}' is a file; it must be a folder (it is created if missing)."
                : $"course kernel {verb}: --prefix '{prefixValue}' cannot hold share/jupyter/kernels: '{file}' is a file.");
            return null;
        }

        return (parse.GetValue(name) ?? KernelSpecInstaller.DefaultName, prefixValue);
    }

    // The first of PREFIX, PREFIX/share, PREFIX/share/jupyter and PREFIX/share/jupyter/kernels that is a file, or null.
    private static string? FileInTheWay(string prefix) =>
        new[] { prefix, Path.Combine(prefix, "share"), Path.Combine(prefix, "share", "jupyter"), Path.Combine(prefix, "share", "jupyter", "kernels") }
            .FirstOrDefault(File.Exists);

    /// <summary>The <c>dotnet</c> executable running this process (the runtime's own root), so the kernelspec uses the same .NET.</summary>
    private static string DotnetHost()
    {
        string executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is string process && Path.GetFileName(process).Equals(executable, StringComparison.OrdinalIgnoreCase))
        {
            return process;
        }

        // .../dotnet/shared/Microsoft.NETCore.App/10.0.x/ → .../dotnet/dotnet
        string runtime = RuntimeEnvironment.GetRuntimeDirectory();
        string? root = Directory.GetParent(Path.TrimEndingDirectorySeparator(runtime))?.Parent?.Parent?.FullName;
        if (root is not null && File.Exists(Path.Combine(root, executable)))
        {
            return Path.Combine(root, executable);
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : executable;
    }
}
