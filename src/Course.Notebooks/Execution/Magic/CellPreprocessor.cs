using System.Text;
using System.Text.RegularExpressions;

namespace Course.Notebooks.Execution.Magic;

/// <summary>
/// Handles what is not C#: magic-command lines (<c>#!…</c>) and <c>#r</c> directives, which are checked here
/// so a missing file or an unavailable package gets a message naming it. Handled lines become blank lines,
/// so compiler errors and stack traces still point at the line the student sees.
/// </summary>
internal sealed partial class CellPreprocessor
{
    private static readonly Dictionary<string, IMagicCommand> Commands = new IMagicCommand[] { new KernelMagicCommand(), new TimeMagicCommand() }
        .SelectMany(command => command.Names.Select(name => (name, command)))
        .ToDictionary(p => p.name, p => p.command, StringComparer.Ordinal);

    private readonly string _baseDirectory;
    private readonly NuGetPackageCache _packages;

    public CellPreprocessor(string baseDirectory, NuGetPackageCache packages)
    {
        _baseDirectory = baseDirectory;
        _packages = packages;
    }

    public PreparedCell Prepare(string source)
    {
        var cell = new PreparedCellBuilder();
        string[] lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var code = new StringBuilder(source.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            string kept = line;
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                ApplyMagic(cell, line, i + 1);
                cell.MagicLines.Add(i + 1);
                kept = string.Empty;
            }
            else if (ReferenceDirective().Match(line) is { Success: true } reference)
            {
                kept = ApplyReference(cell, reference.Groups["target"].Value, i + 1, line);
            }

            if (i > 0)
            {
                code.Append('\n');
            }

            code.Append(kept);
        }

        return new PreparedCell(code.ToString(), cell.MeasureTime, cell.Errors, cell.References, cell.MagicLines);
    }

    /// <summary>
    /// The cell's code with every magic and <c>#r "…"</c> line blanked (line numbers kept), for tools that
    /// compile a cell without running it and pass the references themselves; and whether the engine would
    /// accept the cell's magic commands, by the same rules <see cref="Prepare"/> applies.
    /// </summary>
    public static (string Code, bool Accepted) BlankDirectives(string source)
    {
        string[] lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        bool accepted = true;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("#!", StringComparison.Ordinal))
            {
                accepted &= MagicError(new PreparedCellBuilder(), lines[i]) is null;
                lines[i] = string.Empty;
            }
            else if (ReferenceDirective().IsMatch(lines[i]))
            {
                lines[i] = string.Empty;
            }
        }

        return (string.Join('\n', lines), accepted);
    }

    private static void ApplyMagic(PreparedCellBuilder cell, string line, int lineNumber)
    {
        if (MagicError(cell, line) is { } error)
        {
            cell.Errors.Add(new CellDiagnostic(lineNumber, 1, error.Id, error.Message));
        }
    }

    private static (string Id, string Message)? MagicError(PreparedCellBuilder cell, string line)
    {
        string body = line[2..].Trim();
        int space = body.IndexOfAny([' ', '\t']);
        string name = space < 0 ? body : body[..space];
        string arguments = space < 0 ? string.Empty : body[(space + 1)..].Trim();
        if (!Commands.TryGetValue(name, out IMagicCommand? command))
        {
            // The real kernel's words and code for a magic command it does not know.
            return (CellDiagnostic.UnknownMagicCommand, $"Unknown magic command '#!{name}'");
        }

        return command.Apply(cell, name, arguments) is { } error ? (CellDiagnostic.UnsupportedMagicCommand, error) : null;
    }

    private string ApplyReference(PreparedCellBuilder cell, string target, int lineNumber, string line)
    {
        if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            (IReadOnlyList<Microsoft.CodeAnalysis.MetadataReference> references, string? error) = _packages.Resolve(target["nuget:".Length..].Trim());
            if (error is not null)
            {
                cell.Errors.Add(new CellDiagnostic(lineNumber, 1, CellDiagnostic.NuGetUnavailable, error));
            }

            cell.References.AddRange(references);
            return string.Empty;
        }

        // A bare assembly name ("System.Net.Http") is left to the compiler's resolver; a path must exist.
        bool isPath = target.Contains('/', StringComparison.Ordinal) || target.Contains('\\', StringComparison.Ordinal)
            || target.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || target.EndsWith(".exe", StringComparison.OrdinalIgnoreCase);
        if (!isPath)
        {
            return line;
        }

        // A file that is not there is left to the compiler, whose error (CS0006) is the one the real kernel shows.
        string fullPath = Path.GetFullPath(target, _baseDirectory);
        return File.Exists(fullPath) ? $"#r \"{fullPath}\"" : line;
    }

    [GeneratedRegex("""^\s*#r\s+"(?<target>[^"]+)"\s*$""")]
    private static partial Regex ReferenceDirective();
}
