using System.Text.RegularExpressions;

namespace Course.Autograder.Preparation;

/// <summary>
/// Tells which module notebook a submitted file name means. A browser or an LMS that downloads a file twice names the
/// second copy <c>03-dataloader (1).ipynb</c>, and some change the case: such a name means the module notebook and is
/// graded as it. Any other <c>.ipynb</c> name may still be a notebook the student renamed; it is only ever suggested
/// ("did you mean"), never graded in its place.
/// </summary>
public static partial class NotebookNames
{
    private const string Extension = ".ipynb";

    /// <summary>The module notebook <paramref name="fileName"/> means: its own name, or a renamed copy of it; else null.</summary>
    /// <param name="fileName">A file's name (not a path).</param>
    /// <param name="moduleNames">The module's notebook file names.</param>
    /// <returns>The module notebook's name, or null.</returns>
    public static string? Match(string fileName, IReadOnlyList<string> moduleNames)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(moduleNames);
        if (moduleNames.Contains(fileName, StringComparer.Ordinal))
        {
            return fileName;
        }

        if (!fileName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string stem = CopySuffix().Replace(fileName[..^Extension.Length], "");
        return moduleNames.FirstOrDefault(n => string.Equals(n, stem + Extension, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The module notebook a file name probably meant, for a "did you mean": a name <see cref="Match"/> takes, else the
    /// module notebook whose name is within a few edits of it or whose topic (<c>dataloader</c> of
    /// <c>03-dataloader.ipynb</c>) it contains; null when none is close.
    /// </summary>
    /// <param name="fileName">A file's name.</param>
    /// <param name="moduleNames">The module's notebook file names.</param>
    /// <returns>The module notebook's name, or null.</returns>
    public static string? Closest(string fileName, IReadOnlyList<string> moduleNames)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(moduleNames);
        if (Match(fileName, moduleNames) is { } match)
        {
            return match;
        }

        string stem = Simplified(Path.GetFileNameWithoutExtension(fileName));
        if (stem.Length == 0)
        {
            return null;
        }

        var scored = moduleNames.Select(n => (Name: n, Stem: Simplified(Path.GetFileNameWithoutExtension(n)), Topic: Simplified(Topic(n))))
            .Select(n => (n.Name, Distance: Distance(stem, n.Stem), Contains: n.Topic.Length >= 4 && stem.Contains(n.Topic, StringComparison.Ordinal)))
            .ToList();
        var near = scored.Where(n => n.Contains || n.Distance <= Math.Max(2, stem.Length / 4)).OrderBy(n => n.Contains ? 0 : 1).ThenBy(n => n.Distance).ToList();
        // Two equally good candidates: the name says too little to suggest one.
        return near.Count == 1 || (near.Count > 1 && (near[0].Contains != near[1].Contains || near[0].Distance < near[1].Distance)) ? near[0].Name : null;
    }

    // "03-dataloader.ipynb" -> "dataloader": the name without its number.
    private static string Topic(string moduleName) => NumberPrefix().Replace(Path.GetFileNameWithoutExtension(moduleName), "");

    // Lower case, letters and digits only: "03_DataLoader" and "03-dataloader" are the same name to a reader.
    private static string Simplified(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    // " (1)", "(2)", " (1) (1)": what browsers and LMS downloads add to a file they already have.
    [GeneratedRegex(@"(\s*\(\d{1,3}\))+$")]
    private static partial Regex CopySuffix();

    [GeneratedRegex(@"^\d+[-_ ]*")]
    private static partial Regex NumberPrefix();
}
