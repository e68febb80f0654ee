namespace Course.Notebooks.Authoring;

/// <summary>What one step did to a notebook during a release.</summary>
/// <param name="Step">The step's <see cref="IReleaseStep.Name"/>.</param>
/// <param name="Changes">How many things it changed (regions, cells), as the step counts them.</param>
public sealed record ReleaseStepReport(string Step, int Changes);
