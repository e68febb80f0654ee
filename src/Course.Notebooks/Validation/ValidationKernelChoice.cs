using Course.Notebooks.DotNetInteractive;

namespace Course.Notebooks.Validation;

/// <summary>
/// The kernels <c>course validate --kernel</c> names: <c>kit</c>, <c>dotnet-interactive</c> or <c>both</c>; given none,
/// both where the .NET Interactive tool is installed and the kit's engine alone where it is not.
/// </summary>
public static class ValidationKernelChoice
{
    /// <summary>The kernels a <c>--kernel</c> value names, looking for the .NET Interactive tool where it is installed.</summary>
    /// <param name="value">The value, or null when the option was not given.</param>
    /// <returns>The kernels, in the order notebooks run in them.</returns>
    /// <exception cref="ArgumentException">The value names no kernel, or names .NET Interactive and the tool is not installed.</exception>
    public static IReadOnlyList<ValidationKernel> Choose(string? value) =>
        Choose(value, DotNetInteractiveTool.TryFind() is not null, WhyNotInstalled);

    /// <summary>The kernels a <c>--kernel</c> value names, given whether the .NET Interactive tool is installed.</summary>
    /// <param name="value">The value, or null when the option was not given.</param>
    /// <param name="installed">Whether the .NET Interactive tool is installed.</param>
    /// <param name="whyNotInstalled">Where the tool was looked for and how to install it, for the message when it is needed and missing.</param>
    /// <returns>The kernels, in the order notebooks run in them.</returns>
    /// <exception cref="ArgumentException">The value names no kernel, or names .NET Interactive and the tool is not installed.</exception>
    public static IReadOnlyList<ValidationKernel> Choose(string? value, bool installed, Func<string> whyNotInstalled)
    {
        ArgumentNullException.ThrowIfNull(whyNotInstalled);
        return value switch
        {
            null => installed ? [ValidationKernel.Kit, ValidationKernel.DotNetInteractive] : [ValidationKernel.Kit],
            "kit" => [ValidationKernel.Kit],
            "dotnet-interactive" when installed => [ValidationKernel.DotNetInteractive],
            "both" when installed => [ValidationKernel.Kit, ValidationKernel.DotNetInteractive],
            "dotnet-interactive" or "both" => throw new ArgumentException($"--kernel {value} needs the .NET Interactive tool, which is not installed: {whyNotInstalled()}"),
            _ => throw new ArgumentException($"--kernel must be kit, dotnet-interactive or both, but was '{value}'."),
        };
    }

    /// <summary>The executor that runs notebooks in a kernel.</summary>
    /// <param name="kernel">The kernel.</param>
    /// <returns>A new executor.</returns>
    public static INotebookExecutor Executor(ValidationKernel kernel) =>
        kernel == ValidationKernel.Kit ? new EngineExecutor() : new DotNetInteractiveExecutor();

    private static string WhyNotInstalled()
    {
        try
        {
            return DotNetInteractiveTool.Find();
        }
        catch (FileNotFoundException error)
        {
            return error.Message;
        }
    }
}
