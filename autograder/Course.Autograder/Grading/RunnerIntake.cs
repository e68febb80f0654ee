using Course.Autograder.Preparation;
using Course.Boundary;
using Course.Notebooks.Format;

namespace Course.Autograder.Grading;

/// <summary>
/// The first grading step: reads a submission (<see cref="SubmissionPreparation"/>: the module's notebooks only, locked
/// cells restored, no solutions) and lays out its grading folder for the runner: the graded part of each notebook that
/// can run and the runner's manifest in <c>submission/</c>, the runner's libraries in <c>work/lib</c>.
/// </summary>
public static class RunnerIntake
{
    /// <summary>Prepares <paramref name="submission"/> into <paramref name="folder"/>.</summary>
    /// <param name="module">The instructor's sources.</param>
    /// <param name="submission">The submission (a folder of notebooks, or one notebook).</param>
    /// <param name="folder">The empty grading folder.</param>
    /// <param name="runner">The runner, whose libraries the notebooks load.</param>
    /// <param name="cellTimeout">How long one cell may run, for the runner's manifest.</param>
    /// <returns>The prepared submission, for the checks.</returns>
    public static PreparedSubmission Prepare(ModuleNotebooks module, string submission, GradingFolder folder, RunnerProgram runner, TimeSpan cellTimeout)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(runner);
        var prepared = SubmissionPreparation.Prepare(module, submission);
        Directory.CreateDirectory(folder.Submission);
        var ready = prepared.Notebooks.Where(n => n.Notebook is not null).ToArray();
        foreach (var notebook in ready)
        {
            File.WriteAllText(Path.Combine(folder.Submission, notebook.Name), IpynbWriter.Serialize(GradedPart.Of(notebook.Notebook!)));
        }

        new RunnerManifest([.. ready.Select(n => n.Name)], cellTimeout.TotalSeconds).Write(folder.Submission);
        // The runner makes notebooks/ itself: only the libraries are the parent's to give.
        folder.Work.CopyLibrary(runner.Library);

        return prepared;
    }
}
