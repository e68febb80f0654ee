namespace Course.Notebooks.Execution.Magic;

/// <summary><c>#!time</c>: after the cell, show its wall-clock time as .NET Interactive does (<c>Wall time: N ms</c>).</summary>
internal sealed class TimeMagicCommand : IMagicCommand
{
    public IReadOnlyList<string> Names { get; } = ["time"];

    public string? Apply(PreparedCellBuilder cell, string name, string arguments)
    {
        if (arguments.Length > 0)
        {
            return $"#!time takes no arguments (got '{arguments}')";
        }

        cell.MeasureTime = true;
        return null;
    }
}
