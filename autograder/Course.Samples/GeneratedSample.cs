namespace Course.Samples;

/// <summary>One sample submission, built but not yet written.</summary>
/// <param name="Name">Its folder name.</param>
/// <param name="Notebooks">Its notebooks: every released notebook, in file name order.</param>
/// <param name="CellsFilled">How many solution cells got a solution rather than keeping the released stub.</param>
public sealed record GeneratedSample(string Name, IReadOnlyList<GeneratedNotebook> Notebooks, int CellsFilled);
