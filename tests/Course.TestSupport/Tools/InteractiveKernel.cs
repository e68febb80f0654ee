using Course.Notebooks.DotNetInteractive;

namespace Course.TestSupport;

/// <summary>The real .NET Interactive kernel (the <c>Microsoft.dotnet-interactive</c> tool), found as <see cref="DotNetInteractiveTool.TryFind"/> finds it.</summary>
public sealed class InteractiveKernel : RequiredTool
{
    /// <inheritdoc />
    public override string? Unavailable() =>
        DotNetInteractiveTool.TryFind() is null
            ? $"The .NET Interactive tool is not installed (dotnet tool install --tool-path {DotNetInteractiveTool.RepositoryFolder} "
              + $"Microsoft.dotnet-interactive --version {DotNetInteractiveTool.PinnedVersion})"
            : null;
}
