using System.CommandLine;
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
    public static IReadOnlyList<string> LaunchCommand() => KernelLaunch.Argv(typeof(KernelCommand).Assembly);

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

            var request = new KernelInstallRequest(kernelName, parse.GetValue(displayName) ?? KernelSpecInstaller.DefaultDisplayName, LaunchCommand(), prefixValue);
            KernelSpecResult result = request.Run();
            if (!result.Succeeded)
            {
                parse.InvocationConfiguration.Error.WriteLine($"course kernel install: {result.Message}");
                return ExitRefused;
            }

            foreach (string line in request.Report(result))
            {
                parse.InvocationConfiguration.Output.WriteLine(line);
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

            KernelSpecResult result = new KernelUninstallRequest(kernelName, prefixValue).Run();
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
        try
        {
            return (parse.GetValue(name) ?? KernelSpecInstaller.DefaultName, KernelSpecLocation.Check(parse.GetValue(user), parse.GetValue(prefix)));
        }
        catch (ArgumentException error)
        {
            parse.InvocationConfiguration.Error.WriteLine($"course kernel {verb}: {error.Message}");
            return null;
        }
    }
}
