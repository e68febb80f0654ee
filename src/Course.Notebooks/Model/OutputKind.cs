namespace Course.Notebooks.Model;

/// <summary>The <c>output_type</c> of a code cell output.</summary>
public enum OutputKind
{
    /// <summary>Text written to stdout or stderr (<c>"stream"</c>).</summary>
    Stream,

    /// <summary>A value shown with <c>display(x)</c> (<c>"display_data"</c>).</summary>
    DisplayData,

    /// <summary>The value of a cell's trailing expression (<c>"execute_result"</c>).</summary>
    ExecuteResult,

    /// <summary>A compile error, runtime exception or timeout (<c>"error"</c>).</summary>
    Error,

    /// <summary>
    /// A replacement for an earlier display (<c>"update_display_data"</c>). Only streamed to observers
    /// such as a Jupyter kernel; never stored in a notebook file.
    /// </summary>
    UpdateDisplayData,

    /// <summary>An output type this engine does not interpret; kept verbatim.</summary>
    Unknown,
}
