namespace Course.Specs.Core;

/// <summary>This edition holds no reference answer: <see cref="Reference"/> gives no exercise (its factories are all null).</summary>
public sealed partial record Implementation
{
    /// <summary>No reference implementation: the grading parent supplies its own where a check combines the student's pieces with the reference's.</summary>
    public static Implementation Reference { get; } = new();
}
