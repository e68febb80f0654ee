using Course.Notebooks.Model;

namespace Course.Notebooks.Execution.Magic;

/// <summary>
/// <c>#!csharp</c> (also <c>#!c#</c>, <c>#!C#</c>, <c>#!cs</c>): selects the C# kernel, which is the only one, so
/// it does nothing. A line naming another kernel (<c>#!fsharp</c>…) is an error: the engine runs C# only.
/// </summary>
internal sealed class KernelMagicCommand : IMagicCommand
{
    public IReadOnlyList<string> Names { get; } =
        ["csharp", "c#", "C#", "cs", "fsharp", "f#", "F#", "pwsh", "powershell", "javascript", "js", "html", "sql", "kql", "mermaid", "http", "value", "markdown", "md"];

    public string? Apply(PreparedCellBuilder cell, string name, string arguments) =>
        CellLanguages.Normalize(name) == CellLanguages.CSharp
            ? null
            : $"'#!{name}' switches to the {CellLanguages.Normalize(name)} kernel; this engine runs C# only";
}
