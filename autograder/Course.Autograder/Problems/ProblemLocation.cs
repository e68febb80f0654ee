namespace Course.Autograder.Problems;

/// <summary>Where in a submission a problem happened.</summary>
/// <param name="Notebook">The notebook's file name (a check's problem: the notebook of its check cell).</param>
/// <param name="Cell">The cell's 1-based number, when the problem is a cell's.</param>
public sealed record ProblemLocation(string Notebook, int? Cell = null);
