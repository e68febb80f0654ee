using System.Reflection;

namespace Course.Samples;

/// <summary>
/// The hand-written solution cells, <c>Cells/&lt;sample&gt;/&lt;grade_id&gt;.cs</c>, as this program was built with
/// them: compiled into it (so a compiler has checked them) and embedded in it (so a cell gets exactly the text that
/// was compiled). A cell's text is its file's text without the lines marked <see cref="ProjectOnlyMarker"/>, which
/// exist only to make the file compile in a project (a namespace, a class around a notebook's top-level method).
/// </summary>
public sealed class CellFiles
{
    /// <summary>Ends a line that is in the file only so the project compiles; the cell does not get it.</summary>
    public const string ProjectOnlyMarker = "// project-only";

    private const string Prefix = "Cells/";

    private readonly Dictionary<(string Sample, string GradeId), string> _cells;
    private readonly HashSet<(string Sample, string GradeId)> _taken = [];

    private CellFiles(Dictionary<(string Sample, string GradeId), string> cells) => _cells = cells;

    /// <summary>The cell files embedded in this program.</summary>
    /// <returns>A fresh set, with none taken yet.</returns>
    public static CellFiles Embedded()
    {
        var assembly = typeof(CellFiles).Assembly;
        var cells = new Dictionary<(string, string), string>();
        foreach (string name in assembly.GetManifestResourceNames())
        {
            // MSBuild writes the folder part with the build machine's separator.
            string path = name.Replace('\\', '/');
            if (!path.StartsWith(Prefix, StringComparison.Ordinal) || !path.EndsWith(".cs", StringComparison.Ordinal))
            {
                continue;
            }

            string[] parts = path[Prefix.Length..^".cs".Length].Split('/');
            if (parts.Length != 2)
            {
                throw new SampleBuildException($"{path}: a cell file goes in Cells/<sample>/<grade_id>.cs.");
            }

            cells[(parts[0], parts[1])] = CellText(Read(assembly, name));
        }

        return new CellFiles(cells);
    }

    /// <summary>A file's text as a cell: without its project-only lines, with <c>\n</c> line ends, without the file's final newline.</summary>
    /// <param name="fileText">The file's text.</param>
    /// <returns>The cell's text.</returns>
    public static string CellText(string fileText)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        string[] lines = fileText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string text = string.Join('\n', lines.Where(line => !line.Contains(ProjectOnlyMarker, StringComparison.Ordinal)));
        // A file ends with a newline; a cell's last line does not.
        return text.EndsWith('\n') ? text[..^1] : text;
    }

    /// <summary>Takes the cell written for one solution cell of one sample.</summary>
    /// <param name="sample">The sample the file is under (<c>Cells/&lt;sample&gt;</c>).</param>
    /// <param name="gradeId">The solution cell's grade_id.</param>
    /// <returns>The cell's text.</returns>
    /// <exception cref="SampleBuildException">There is no such file.</exception>
    public string Take(string sample, string gradeId)
    {
        if (!_cells.TryGetValue((sample, gradeId), out string? text))
        {
            throw new SampleBuildException($"The sample {sample} needs its own solution for the cell {gradeId}: write it in autograder/Course.Samples/Cells/{sample}/{gradeId}.cs.");
        }

        _taken.Add((sample, gradeId));
        return text;
    }

    /// <summary>The files no sample has taken (a file whose grade_id no notebook has any longer, or a misspelt one).</summary>
    public IReadOnlyList<string> Untaken =>
        _cells.Keys.Where(key => !_taken.Contains(key)).Select(key => $"Cells/{key.Sample}/{key.GradeId}.cs").Order(StringComparer.Ordinal).ToList();

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
