using System.Reflection;
using System.Runtime.InteropServices;

namespace Course.Kernel.Specs;

/// <summary>
/// The command line a kernelspec starts the kernel with, from any folder: this process's .NET host and the absolute
/// path of the program's assembly (or the executable itself in a single-file publish), then
/// <c>kernel start --connection-file {connection_file}</c>.
/// </summary>
public static class KernelLaunch
{
    /// <summary>The arguments after the program: the <c>course kernel start</c> verb and Jupyter's connection-file placeholder.</summary>
    public static IReadOnlyList<string> StartArguments { get; } = ["kernel", "start", "--connection-file", "{connection_file}"];

    /// <summary>The kernelspec's <c>argv</c> for a program.</summary>
    /// <param name="program">The assembly of the program that serves <c>kernel start</c> (<c>course.dll</c>).</param>
    /// <returns>The command line.</returns>
    public static IReadOnlyList<string> Argv(Assembly program)
    {
        ArgumentNullException.ThrowIfNull(program);
        string assembly = program.Location;

        // A single-file publish has no course.dll: the executable itself is the command.
        return assembly.Length == 0 && Environment.ProcessPath is string self
            ? [self, .. StartArguments]
            : [DotnetHost(), Path.GetFullPath(assembly), .. StartArguments];
    }

    /// <summary>The <c>dotnet</c> executable running this process (the runtime's own root), so the kernelspec uses the same .NET.</summary>
    /// <returns>Its path, or <c>dotnet</c> to find on the PATH when it cannot be told.</returns>
    public static string DotnetHost()
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
