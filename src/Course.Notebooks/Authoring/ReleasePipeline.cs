using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Notebooks.Authoring;

/// <summary>
/// Turns an instructor source into the student notebook by running <see cref="IReleaseStep"/>s in order on a copy,
/// as nbgrader's <c>generate_assignment</c> runs its preprocessors. The result depends only on the source, so the
/// same source always gives byte-identical output (a staleness test compares committed student notebooks with a
/// fresh release).
/// </summary>
public sealed class ReleasePipeline
{
    /// <summary>Creates a pipeline of the given steps.</summary>
    /// <param name="steps">The steps, in the order they run.</param>
    public ReleasePipeline(IEnumerable<IReleaseStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = steps.ToArray();
    }

    /// <summary>
    /// The kit's release: <see cref="CheckCellMetadata"/>, <see cref="ClearSolutions"/>, <see cref="RemoveHiddenTests"/>,
    /// <see cref="ClearOutputs"/>, then <see cref="ComputeChecksums"/> (last, so checksums cover what students receive).
    /// </summary>
    public static ReleasePipeline Default { get; } = new(
    [
        new CheckCellMetadata(),
        new ClearSolutions(),
        new RemoveHiddenTests(),
        new ClearOutputs(),
        new ComputeChecksums(),
    ]);

    /// <summary>
    /// The instructor's solutions export: <see cref="CheckCellMetadata"/>, <see cref="KeepSolutions"/> (the answers
    /// without their markers), <see cref="RemoveHiddenTests"/> (a solutions notebook may be shared; hidden tests stay
    /// with the sources) and <see cref="ClearOutputs"/>. No checksums: a solutions notebook is never graded.
    /// </summary>
    public static ReleasePipeline Solutions { get; } = new(
    [
        new CheckCellMetadata(),
        new KeepSolutions(),
        new RemoveHiddenTests(),
        new ClearOutputs(),
    ]);

    /// <summary>The steps, in the order they run.</summary>
    public IReadOnlyList<IReleaseStep> Steps { get; }

    /// <summary>Releases a notebook. The source is not modified.</summary>
    /// <param name="source">The instructor source.</param>
    /// <param name="filePath">The source's file, for messages; null if it has none.</param>
    /// <returns>The student notebook and what each step did.</returns>
    /// <exception cref="ReleaseException">The source cannot be released; the message names the file and cell.</exception>
    public ReleaseResult Release(Notebook source, string? filePath = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        Notebook student = source.Clone();
        var context = new ReleaseContext(filePath);
        var reports = new List<ReleaseStepReport>(Steps.Count);
        foreach (IReleaseStep step in Steps)
        {
            reports.Add(new ReleaseStepReport(step.Name, step.Apply(student, context)));
        }

        return new ReleaseResult(student, reports);
    }

    /// <summary>Reads an instructor source file and releases it.</summary>
    /// <param name="sourcePath">The <c>.ipynb</c> file.</param>
    /// <returns>The student notebook and what each step did.</returns>
    /// <exception cref="NotebookFormatException">The file cannot be read or is not a notebook.</exception>
    /// <exception cref="ReleaseException">The source cannot be released.</exception>
    public ReleaseResult ReleaseFile(string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        return Release(IpynbReader.Read(sourcePath), sourcePath);
    }
}
