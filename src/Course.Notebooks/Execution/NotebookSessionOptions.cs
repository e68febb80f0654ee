using System.Reflection;

namespace Course.Notebooks.Execution;

/// <summary>Settings for a <see cref="NotebookSession"/>.</summary>
public sealed record NotebookSessionOptions
{
    /// <summary>
    /// The namespaces every cell imports: exactly the real .NET Interactive C# kernel's (its CSharpKernel
    /// constructor), so a cell that compiles here compiles there. Not <c>System.IO</c> nor <c>System.Threading</c>:
    /// a notebook that uses <c>Path</c> or <c>Thread</c> must say <c>using System.IO;</c> itself.
    /// </summary>
    public static IReadOnlyList<string> DefaultImports { get; } =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    /// <summary>The folder relative <c>#r</c> paths start from: the notebook's folder. Defaults to the current directory.</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>How long one cell may run before it is abandoned; <see cref="Timeout.InfiniteTimeSpan"/> (the default) for no limit.</summary>
    public TimeSpan CellTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>The namespaces every cell imports.</summary>
    public IReadOnlyList<string> Imports { get; init; } = DefaultImports;

    /// <summary>Assemblies of the host that cells may use without <c>#r</c> (e.g. an autograder's helpers).</summary>
    public IReadOnlyList<Assembly> References { get; init; } = [];

    /// <summary>The NuGet global packages folder <c>#r "nuget: …"</c> looks in; null for <c>NUGET_PACKAGES</c> or <c>~/.nuget/packages</c>.</summary>
    public string? NuGetPackageFolder { get; init; }
}
