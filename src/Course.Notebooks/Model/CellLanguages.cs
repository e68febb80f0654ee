using System.Text.Json.Nodes;

namespace Course.Notebooks.Model;

/// <summary>
/// Kernel (language) names as Polyglot Notebooks spells them, and the rules that decide a cell's language.
/// </summary>
public static class CellLanguages
{
    /// <summary>The C# kernel, the only one this engine runs.</summary>
    public const string CSharp = "csharp";

    /// <summary>Markdown: text, never executed.</summary>
    public const string Markdown = "markdown";

    /// <summary>Raw cells: passed through, never executed.</summary>
    public const string Raw = "raw";

    /// <summary>
    /// Maps a kernel name or alias (<c>c#</c>, <c>C#</c>, <c>cs</c>, <c>md</c>, …) to its canonical name;
    /// unknown names are returned unchanged in lower case.
    /// </summary>
    /// <param name="name">The name, with or without a leading <c>#!</c>.</param>
    /// <returns>The canonical kernel name.</returns>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string bare = name.StartsWith("#!", StringComparison.Ordinal) ? name[2..] : name;
        return bare.Trim().ToLowerInvariant() switch
        {
            "csharp" or "c#" or "cs" or ".net-csharp" => CSharp,
            "fsharp" or "f#" or ".net-fsharp" => "fsharp",
            "pwsh" or "powershell" or ".net-pwsh" or ".net-powershell" => "pwsh",
            "javascript" or "js" => "javascript",
            "markdown" or "md" => Markdown,
            var other => other,
        };
    }

    /// <summary>Whether a name (or alias) is a kernel that can start a cell in a <c>.dib</c> file.</summary>
    /// <param name="name">The name after <c>#!</c>.</param>
    /// <returns>True for known kernel names.</returns>
    public static bool IsKernelName(string name) => Normalize(name) switch
    {
        CSharp or "fsharp" or "pwsh" or "javascript" or Markdown or "html" or "sql" or "kql" or "mermaid" or "http" or "value" => true,
        _ => false,
    };

    /// <summary>
    /// The notebook's default kernel: <c>metadata.polyglot_notebook.kernelInfo.defaultKernelName</c>, else a
    /// <c>.net-*</c> kernelspec name, else <c>metadata.language_info.name</c> when it names C#, else C#.
    /// </summary>
    /// <param name="metadata">The notebook metadata.</param>
    /// <returns>The canonical kernel name.</returns>
    public static string DefaultOf(JsonObject metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata["polyglot_notebook"] is JsonObject polyglot
            && polyglot["kernelInfo"] is JsonObject kernelInfo
            && JsonProperties.GetString(kernelInfo, "defaultKernelName") is string defaultKernel)
        {
            return Normalize(defaultKernel);
        }

        if (metadata["kernelspec"] is JsonObject kernelspec
            && JsonProperties.GetString(kernelspec, "name") is string specName
            && specName.StartsWith(".net-", StringComparison.Ordinal))
        {
            return Normalize(specName);
        }

        if (metadata["kernelspec"] is JsonObject spec
            && JsonProperties.GetString(spec, "language") is string specLanguage)
        {
            return Normalize(specLanguage);
        }

        // A notebook with no kernel information is assumed to be C#: this is a C# course.
        return CSharp;
    }

    /// <summary>
    /// A cell's language: Markdown and raw cells are themselves; a code cell's is
    /// <c>metadata.polyglot_notebook.kernelName</c>, else <c>metadata.dotnet_interactive.language</c>, else a first
    /// line <c>#!name</c> naming a kernel, else <paramref name="notebookDefault"/>.
    /// </summary>
    /// <param name="cell">The cell.</param>
    /// <param name="notebookDefault">The notebook's default kernel (see <see cref="DefaultOf"/>).</param>
    /// <returns>The canonical kernel name.</returns>
    public static string Of(Cell cell, string notebookDefault)
    {
        ArgumentNullException.ThrowIfNull(cell);
        switch (cell.Kind)
        {
            case CellKind.Markdown:
                return Markdown;
            case CellKind.Raw:
                return Raw;
        }

        JsonObject metadata = cell.Metadata;
        if (metadata["polyglot_notebook"] is JsonObject polyglot && JsonProperties.GetString(polyglot, "kernelName") is string kernelName)
        {
            return Normalize(kernelName);
        }

        if (metadata["dotnet_interactive"] is JsonObject interactive && JsonProperties.GetString(interactive, "language") is string language)
        {
            return Normalize(language);
        }

        string source = cell.Source;
        if (source.StartsWith("#!", StringComparison.Ordinal))
        {
            int end = source.IndexOfAny(['\n', '\r', ' ', '\t']);
            string first = end < 0 ? source : source[..end];
            if (IsKernelName(first[2..]))
            {
                return Normalize(first);
            }
        }

        return notebookDefault;
    }
}
