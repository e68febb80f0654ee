using Course.Notebooks.Model;

namespace Course.Notebooks.Validation;

/// <summary>One code cell of a validation run: what a student would see of it.</summary>
/// <param name="Number">The cell's 1-based position in the notebook.</param>
/// <param name="Verdict">How it ended.</param>
/// <param name="Failure">One line saying why it failed, without the cell number; null when it ran.</param>
/// <param name="Outputs">Its outputs, as the kernel showed them.</param>
public sealed record CellRecord(int Number, CellVerdict Verdict, string? Failure, IReadOnlyList<Output> Outputs)
{
    /// <summary>The first line of the exception a cell threw (<c>System.NotImplementedException: …</c>), or null.</summary>
    public string? ExceptionHeadline =>
        Verdict != CellVerdict.Threw
            ? null
            : Outputs.LastOrDefault(o => o.Kind == OutputKind.Error) is { } error
                ? (error.Traceback.Count > 0 ? error.Traceback[0] : error.ErrorValue ?? string.Empty).Split('\n')[0].TrimEnd('\r')
                : Failure;

    /// <summary>The plain text of the cell's value (its <c>execute_result</c>), or null when it has none.</summary>
    public string? ResultText => Outputs.LastOrDefault(o => o.Kind == OutputKind.ExecuteResult)?.Data?.Text;
}
