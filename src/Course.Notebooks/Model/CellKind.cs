namespace Course.Notebooks.Model;

/// <summary>The three cell types of nbformat 4.</summary>
public enum CellKind
{
    /// <summary>A code cell (<c>"cell_type": "code"</c>): has outputs and an execution count.</summary>
    Code,

    /// <summary>A Markdown cell (<c>"cell_type": "markdown"</c>).</summary>
    Markdown,

    /// <summary>A raw cell (<c>"cell_type": "raw"</c>): passed through unchanged by every tool.</summary>
    Raw,
}
