namespace Course.TestSupport;

/// <summary>The real .NET Interactive kernel run by Jupyter's <c>nbconvert</c>, as <see cref="RealJupyterKernel"/> runs it.</summary>
public sealed class InteractiveKernelUnderJupyter : RequiredTool
{
    /// <inheritdoc />
    public override string? Unavailable() =>
        new InteractiveKernel().Unavailable()
        ?? (ToolProbe.IsAvailable(RealJupyterKernel.Jupyter, ["nbconvert", "--version"])
            ? null
            : $"{RealJupyterKernel.Jupyter} nbconvert is not available (Debian: jupyter-nbconvert python3-nbclient)");
}
