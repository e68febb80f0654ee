using Course.Notebooks.Execution.Display;

namespace Course.Notebooks.Execution;

/// <summary>
/// What <c>display(x)</c> returns: a handle to replace the shown value later in the same cell, e.g. to
/// show a training loss as it falls. A notebook file keeps the last value shown.
/// </summary>
public sealed class DisplayHandle
{
    private readonly CellExecutionContext _context;
    private readonly FormatterRegistry _formatters;

    internal DisplayHandle(CellExecutionContext context, FormatterRegistry formatters, string displayId)
    {
        _context = context;
        _formatters = formatters;
        DisplayId = displayId;
    }

    /// <summary>The display's id, unique within the session.</summary>
    public string DisplayId { get; }

    /// <summary>Replaces the displayed value.</summary>
    /// <param name="value">The new value.</param>
    public void Update(object? value) => _context.UpdateDisplay(DisplayId, _formatters.Format(value));

    /// <summary>Replaces the displayed value with content of one MIME type.</summary>
    /// <param name="value">The new value; a string is taken to already be in <paramref name="mimeType"/>.</param>
    /// <param name="mimeType">The MIME type, e.g. <c>text/html</c>.</param>
    public void Update(object? value, string mimeType) => _context.UpdateDisplay(DisplayId, _formatters.Format(value, mimeType));

    /// <inheritdoc />
    public override string ToString() => DisplayId;
}
