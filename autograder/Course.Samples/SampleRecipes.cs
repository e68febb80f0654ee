namespace Course.Samples;

/// <summary>
/// The five bundled samples. What each one must score is in autograder/samples/README.md, and
/// tests/Course.Cli.Tests/GradingSamplesTests holds them to it: change a recipe, and that line with it.
/// </summary>
public static class SampleRecipes
{
    /// <summary>compile-error: a forgotten expression, so the whole DataLoader cell fails to compile (CS1525).</summary>
    public static ReferenceEdit MissingExpression { get; } =
        new(@"class DataLoader\b", "\n    private readonly int _lastBatch = ;");

    /// <summary>infinite-loop: Collate starts with a loop that never ends.</summary>
    public static ReferenceEdit EndlessLoop { get; } =
        new(@"static Tensor\[\] Collate\(", "\n    while (true) { }  // a loop that never ends");

    /// <summary>The samples, in the order they are built.</summary>
    public static IReadOnlyList<SampleRecipe> All { get; } =
    [
        // Every exercise solved correctly, written differently from the reference.
        new("complete-different", (cells, gradeId, _) => cells.Take("complete-different", gradeId)),
        // Three exercises done (the reference TensorDataset, the other two as complete-different has them); the rest stubs.
        new("partial", (cells, gradeId, reference) => gradeId switch
        {
            "tensordataset-impl" => reference,
            "collate-impl" or "flip-impl" => cells.Take("complete-different", gradeId),
            _ => null,
        }),
        new("compile-error", (_, gradeId, reference) => gradeId == "dataloader-impl" ? MissingExpression.Apply(gradeId, reference) : reference),
        new("infinite-loop", (_, gradeId, reference) => gradeId == "collate-impl" ? EndlessLoop.Apply(gradeId, reference) : reference),
        // A DataLoader that shuffles the samples instead of their indices: it compiles, so it is a cell file.
        new("shuffles-data", (cells, gradeId, reference) => gradeId == "dataloader-impl" ? cells.Take("shuffles-data", gradeId) : reference),
    ];
}
