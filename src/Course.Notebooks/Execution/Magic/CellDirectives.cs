namespace Course.Notebooks.Execution.Magic;

/// <summary>
/// The engine's rules for the lines of a cell that are not C# (<c>#!</c> magic commands and <c>#r "…"</c>),
/// for tools that compile notebook cells without running them, such as the autograder's screening.
/// </summary>
public static class CellDirectives
{
    /// <summary>
    /// Blanks every magic and <c>#r "…"</c> line of <paramref name="source"/>, so line numbers stay the
    /// student's, and says whether the engine would accept the cell's magic commands.
    /// </summary>
    /// <param name="source">A code cell's text.</param>
    /// <returns>The code the compiler should see, and false when the engine would refuse the cell.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static (string Code, bool EngineAccepts) Blank(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return CellPreprocessor.BlankDirectives(source);
    }
}
