using Course.Boundary;
using Course.Specs.Core;

namespace Course.Autograder.Boundary;

/// <summary>What the runner said once its notebooks had run: every graded cell's facts and the exercises its check cells recorded.</summary>
/// <param name="Cells">The cells' facts.</param>
/// <param name="Exercises">The exercises recorded.</param>
public sealed record RunnerReport(IReadOnlyList<CellFacts> Cells, IReadOnlySet<Exercise> Exercises);
