namespace Course.Samples;

/// <summary>How one sample fills the released notebooks' solution cells.</summary>
/// <param name="Name">The sample's folder name.</param>
/// <param name="Fill">
/// Given the cell files, a solution cell's grade_id and its reference solution, the text the cell gets, or null to
/// keep the released stub.
/// </param>
public sealed record SampleRecipe(string Name, Func<CellFiles, string, string, string?> Fill);
