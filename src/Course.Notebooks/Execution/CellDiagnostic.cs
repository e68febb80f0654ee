namespace Course.Notebooks.Execution;

/// <summary>
/// An error that stopped a cell from compiling: a C# compiler error (<c>CS…</c>, a missing <c>#r</c> file is
/// <c>CS0006</c>), a magic command the real kernel does not know either (<c>DNI101</c>, its code), or one of the
/// engine's own (<c>NB…</c>: another language's kernel, a NuGet package not available offline).
/// </summary>
/// <param name="Line">1-based line within the cell.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Id">The error code, e.g. <c>CS0103</c> or <c>NB0001</c>.</param>
/// <param name="Message">The message.</param>
public sealed record CellDiagnostic(int Line, int Column, string Id, string Message)
{
    /// <summary>The engine's code for a magic command the real kernel has and this engine does not (another language's kernel).</summary>
    public const string UnsupportedMagicCommand = "NB0001";

    /// <summary>The real kernel's code for a magic command that does not exist (the engine uses the same).</summary>
    public const string UnknownMagicCommand = "DNI101";

    /// <summary>The engine's code for a <c>#r "nuget: …"</c> package not in the local package cache.</summary>
    public const string NuGetUnavailable = "NB0003";

    /// <summary>The engine's code for a cell in a language it cannot run.</summary>
    public const string UnsupportedLanguage = "NB0004";

    /// <summary>The diagnostic as one line naming its cell: <c>cell 3, line 2, column 5: error CS0103: …</c>.</summary>
    /// <param name="cellNumber">The cell's number.</param>
    /// <returns>The line.</returns>
    public string Describe(int cellNumber) => $"cell {cellNumber}, line {Line}, column {Column}: error {Id}: {Message}";
}
