using System.Text.Json.Nodes;

namespace Course.Notebooks.Model;

/// <summary>
/// A Jupyter notebook (nbformat 4). Like <see cref="Cell"/>, it keeps the JSON it was read from, so
/// notebook-level keys the engine does not interpret survive a read and write unchanged.
/// </summary>
public sealed class Notebook
{
    /// <summary>The nbformat minor version the engine writes for new notebooks (cell ids required).</summary>
    public const int CurrentFormatMinor = 5;

    internal Notebook(JsonObject root, List<Cell> cells, string indent)
    {
        Root = root;
        Cells = cells;
        Indent = indent;
    }

    /// <summary>The cells, in order. Cells may be added, removed or replaced.</summary>
    public IList<Cell> Cells { get; }

    /// <summary>The nbformat major version (always 4 for a notebook the engine accepts).</summary>
    public int FormatMajor
    {
        get => Root["nbformat"] is JsonValue value && value.TryGetValue(out int major) ? major : 4;
        set => JsonProperties.Set(Root, "nbformat", value);
    }

    /// <summary>The nbformat minor version: 4 (no cell ids) or 5 (cell ids required), or another 4.x.</summary>
    public int FormatMinor
    {
        get => Root["nbformat_minor"] is JsonValue value && value.TryGetValue(out int minor) ? minor : 0;
        set => JsonProperties.Set(Root, "nbformat_minor", value);
    }

    /// <summary>The notebook metadata (kernelspec, language_info, polyglot_notebook, anything else).</summary>
    public JsonObject Metadata => JsonProperties.GetOrAddObject(Root, "metadata");

    /// <summary>
    /// The indentation unit used when writing: what the file was read with, or one space (VS Code's and
    /// Jupyter's default) for a new notebook. VS Code also keeps a file's own indentation.
    /// </summary>
    public string Indent { get; set; }

    /// <summary>The notebook's default kernel name (see <see cref="CellLanguages.DefaultOf"/>).</summary>
    public string DefaultLanguage => CellLanguages.DefaultOf(Metadata);

    /// <summary>The notebook's top-level JSON object; its <c>cells</c> entry is ignored in favour of <see cref="Cells"/>.</summary>
    internal JsonObject Root { get; }

    /// <summary>The language of a cell of this notebook (see <see cref="CellLanguages.Of"/>).</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>The canonical kernel name.</returns>
    public string LanguageOf(Cell cell) => CellLanguages.Of(cell, DefaultLanguage);

    /// <summary>
    /// Creates an empty notebook with the metadata VS Code Polyglot Notebooks writes for a C# notebook
    /// (nbformat 4.5).
    /// </summary>
    /// <returns>The notebook.</returns>
    public static Notebook CreatePolyglot()
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject
                {
                    ["display_name"] = ".NET (C#)",
                    ["language"] = "C#",
                    ["name"] = ".net-csharp",
                },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject
                    {
                        ["defaultKernelName"] = CellLanguages.CSharp,
                        ["items"] = new JsonArray(new JsonObject
                        {
                            ["aliases"] = new JsonArray(),
                            ["name"] = CellLanguages.CSharp,
                        }),
                    },
                },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = CurrentFormatMinor,
        };
        return new Notebook(root, [], " ");
    }

    /// <summary>A deep copy: changing the copy (running it, for instance) leaves this notebook untouched.</summary>
    /// <returns>The copy.</returns>
    public Notebook Clone() =>
        new((JsonObject)Root.DeepClone(), Cells.Select(cell => cell.Clone()).ToList(), Indent);
}
