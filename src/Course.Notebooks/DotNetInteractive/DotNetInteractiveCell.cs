using Course.Notebooks.Model;

namespace Course.Notebooks.DotNetInteractive;

/// <summary>What the real .NET Interactive kernel did with one cell, as Jupyter would save it.</summary>
/// <param name="Outcome">Whether it ran, did not compile, or threw.</param>
/// <param name="Outputs">Its outputs in nbformat form (streams, displays, the result, the error), in order.</param>
/// <param name="FailureMessage">The kernel's failure message (compiler diagnostics or the exception), or null when it ran.</param>
public sealed record DotNetInteractiveCell(DotNetInteractiveOutcome Outcome, IReadOnlyList<Output> Outputs, string? FailureMessage);
