namespace Course.Notebooks.Execution.Magic;

/// <summary>
/// A Polyglot magic command (a line <c>#!name …</c>). Each supported command is one small class; a line
/// naming none of them is an error, never silently ignored.
/// </summary>
internal interface IMagicCommand
{
    /// <summary>The names that invoke it, without <c>#!</c>.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Applies the command to the cell being prepared; returns an error message, or null.</summary>
    /// <param name="cell">The cell being prepared.</param>
    /// <param name="name">The name it was invoked by (one of <see cref="Names"/>).</param>
    /// <param name="arguments">The rest of the line, trimmed.</param>
    string? Apply(PreparedCellBuilder cell, string name, string arguments);
}
