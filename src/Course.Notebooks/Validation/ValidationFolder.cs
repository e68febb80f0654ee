namespace Course.Notebooks.Validation;

/// <summary>
/// A notebooks folder to validate: its instructor sources (<c>source/*.ipynb</c>) and the student notebooks that must
/// be there (<c>student/*.ipynb</c>, and one per source, so a missing release is reported rather than overlooked).
/// </summary>
/// <param name="Directory">The folder, as given.</param>
/// <param name="Sources">The sources, in ordinal order.</param>
/// <param name="Students">The student notebooks to validate, in ordinal order; some may not exist.</param>
/// <param name="StudentFiles">How many student notebooks exist.</param>
public sealed record ValidationFolder(string Directory, IReadOnlyList<string> Sources, IReadOnlyList<string> Students, int StudentFiles)
{
    /// <summary>Reads a folder holding <c>source/</c>, <c>student/</c> or both.</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>Its notebooks.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder has neither <c>source/</c> nor <c>student/</c>.</exception>
    public static ValidationFolder Find(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string sourceFolder = Path.Combine(directory, "source");
        string studentFolder = Path.Combine(directory, "student");
        if (!System.IO.Directory.Exists(sourceFolder) && !System.IO.Directory.Exists(studentFolder))
        {
            throw new DirectoryNotFoundException($"{directory}: no source/ or student/ folder to validate");
        }

        string[] sources = Notebooks(sourceFolder);
        string[] existing = Notebooks(studentFolder);
        string[] students = existing
            .Concat(sources.Select(source => Path.Combine(studentFolder, Path.GetFileName(source))))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new ValidationFolder(directory, sources, students, existing.Length);
    }

    /// <summary>The line that introduces the folder: <c>notebooks: 5 source notebooks, 5 student notebooks</c>.</summary>
    public string Heading => $"{Directory}: {Sources.Count} source notebook{Plural(Sources.Count)}, {StudentFiles} student notebook{Plural(StudentFiles)}";

    private static string[] Notebooks(string folder) =>
        System.IO.Directory.Exists(folder) ? System.IO.Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToArray() : [];

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
