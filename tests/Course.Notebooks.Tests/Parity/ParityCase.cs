namespace Course.Notebooks.Tests.Parity;

/// <summary>One cell of the parity corpus, run in the real kernel and in the kit's engine in one session each.</summary>
/// <param name="Name">What the cell exercises.</param>
/// <param name="Code">The cell's text.</param>
/// <param name="Difference">
/// Null when both kernels must show the same; otherwise the id of an intended difference listed in
/// docs/ENGINE.md (the test then requires the two to differ, so a change upstream is noticed).
/// </param>
public sealed record ParityCase(string Name, string Code, string? Difference = null)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
