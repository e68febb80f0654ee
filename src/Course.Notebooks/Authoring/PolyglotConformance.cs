using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Course.Notebooks.Model;

namespace Course.Notebooks.Authoring;

/// <summary>
/// What a student notebook must look like so it opens and runs the same in VS Code Polyglot Notebooks and in the
/// kit's engine: the notebook metadata exactly as Polyglot writes it for a C# notebook, the Polyglot metadata on every
/// code cell, no <c>#r "nuget: …"</c> (students may be offline; the kit ships its DLLs in <c>notebooks/lib</c>), and
/// only the directives both support: <c>#r "path"</c>, <c>#!time</c> and <c>#!csharp</c>.
/// </summary>
public static partial class PolyglotConformance
{
    /// <summary>The magic commands both Polyglot and the kit's engine run.</summary>
    public static IReadOnlyList<string> SupportedMagicCommands { get; } = ["#!csharp", "#!time"];

    /// <summary>Every way the notebook departs from the rules, one message per problem (<c>cell 3: …</c> for a cell).</summary>
    /// <param name="notebook">The notebook.</param>
    /// <returns>The problems; empty when it conforms.</returns>
    public static IReadOnlyList<string> Problems(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var problems = new List<string>();
        if (FirstDifference(Notebook.CreatePolyglot().Metadata, JsonProperties.GetObject(notebook.Root, "metadata"), "metadata") is string difference)
        {
            problems.Add($"the notebook metadata is not exactly what VS Code Polyglot writes for a C# notebook ({difference})");
        }

        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            Cell cell = notebook.Cells[i];
            string where = "cell " + (i + 1).ToString(CultureInfo.InvariantCulture);
            if (cell.Kind == CellKind.Code && !HasPolyglotCellMetadata(cell))
            {
                problems.Add($"{where}: a code cell needs the Polyglot cell metadata (dotnet_interactive.language and polyglot_notebook.kernelName \"csharp\", vscode.languageId \"polyglot-notebook\")");
            }

            string[] lines = cell.Source.Split('\n');
            for (int line = 0; line < lines.Length; line++)
            {
                if (cell.Kind == CellKind.Code || NuGetReference().IsMatch(lines[line]))
                {
                    if (DirectiveProblem(lines[line]) is string problem)
                    {
                        problems.Add($"{where}, line {(line + 1).ToString(CultureInfo.InvariantCulture)}: {problem}");
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>Why a line's directive is not allowed, or null when the line is fine.</summary>
    /// <param name="line">One line of a code cell.</param>
    /// <returns>The problem, or null.</returns>
    public static string? DirectiveProblem(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string text = line.Trim();
        if (NuGetReference().IsMatch(text))
        {
            return "#r \"nuget: …\" is not allowed: students may be offline and the kit's engine does not download packages; reference the DLLs in notebooks/lib with #r \"../lib/NAME.dll\"";
        }

        if (text.StartsWith("#!", StringComparison.Ordinal))
        {
            string name = text.Split([' ', '\t'], 2)[0];
            return SupportedMagicCommands.Contains(name, StringComparer.Ordinal)
                ? null
                : $"{name} is not a directive both Polyglot and the kit's engine support (only #r \"path\", {string.Join(", ", SupportedMagicCommands)})";
        }

        if (ScriptDirective().Match(text) is { Success: true } directive)
        {
            return directive.Groups["name"].Value == "r" && PathReference().IsMatch(text)
                ? null
                : $"{text} is not a directive both Polyglot and the kit's engine support (only #r \"path\", {string.Join(", ", SupportedMagicCommands)})";
        }

        return null;
    }

    private static bool HasPolyglotCellMetadata(Cell cell) =>
        JsonProperties.GetObject(cell.Json, "metadata") is JsonObject metadata
        && metadata["dotnet_interactive"] is JsonObject dotnet && IsString(dotnet["language"], CellLanguages.CSharp)
        && metadata["polyglot_notebook"] is JsonObject polyglot && IsString(polyglot["kernelName"], CellLanguages.CSharp)
        && metadata["vscode"] is JsonObject vscode && IsString(vscode["languageId"], "polyglot-notebook");

    private static bool IsString(JsonNode? node, string expected) =>
        node is JsonValue value && value.TryGetValue(out string? text) && text == expected;

    /// <summary>The path of the first difference between two JSON trees (key order ignored), or null when equal.</summary>
    private static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is JsonObject expectedObject && actual is JsonObject actualObject)
        {
            foreach ((string key, JsonNode? value) in expectedObject)
            {
                if (!actualObject.ContainsKey(key))
                {
                    return $"{path}.{key} is missing";
                }

                if (FirstDifference(value, actualObject[key], $"{path}.{key}") is string inner)
                {
                    return inner;
                }
            }

            string? extra = actualObject.Select(pair => pair.Key).FirstOrDefault(key => !expectedObject.ContainsKey(key));
            return extra is null ? null : $"{path}.{extra} is extra";
        }

        return JsonNode.DeepEquals(expected, actual)
            ? null
            : $"{path} is {actual?.ToJsonString() ?? "null"}, expected {expected?.ToJsonString() ?? "null"}";
    }

    [GeneratedRegex("""^\s*#r\s+"\s*nuget\s*:""", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetReference();

    [GeneratedRegex("""^#r\s+"[^"]+"$""")]
    private static partial Regex PathReference();

    /// <summary>The C# scripting directives (#r, #load, #i) as opposed to C#'s own (#if, #region, #nullable, #pragma).</summary>
    [GeneratedRegex("""^#(?<name>r|load|i)(\s|$)""")]
    private static partial Regex ScriptDirective();
}
