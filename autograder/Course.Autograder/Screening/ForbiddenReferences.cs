using Course.Notebooks.Authoring;
using Course.Notebooks.Model;
using Course.Specs.Core;

namespace Course.Autograder.Screening;

/// <summary>
/// The one place that decides which reference symbols the solution cells of a module 05 notebook must not use.
/// </summary>
/// <remarks>
/// <para><b>The rule.</b> In every solution cell of a notebook, the reference implementation of each exercise that
/// notebook grades is forbidden, with the parts of the library that would do that exercise's work (for the
/// DataLoader: its collation, samplers and workers). The exercises a notebook grades are named by its cells'
/// grade_ids: check cells (<c>crop</c>) and solution cells (<c>crop-impl</c>). Grading restores check cells from
/// the instructor's source, so a student cannot hide an exercise by editing them. A notebook that names no known
/// exercise gets every entry. <see cref="Implementation.Reference"/> of Course.Specs, which builds every
/// reference implementation, is forbidden in every solution cell.</para>
/// <para><b>Why per notebook, and not only in the exercise's own cell.</b> A check cell records its factory from
/// its own notebook's session, so a wrapper around the reference helps only in the notebook that grades the
/// exercise, but there it works from any solution cell (a <c>RandomCrop</c> wrapper written in the flip cell).
/// Other notebooks' reference types are legitimate tools: notebook 03's integration checks run the student's
/// loader over the library's <c>TensorDataset</c>, notebook 06 runs the student's prefetcher over the library's
/// <c>DataLoader</c>, and a student testing an answer inside the solution cell does the same.</para>
/// <para><b>Allowed everywhere</b> (the exercises build on them): <c>Tensor</c>, <c>Dataset&lt;T&gt;</c>,
/// <c>ITransform</c>, <c>ISpanTransform</c>, <c>IRowSource</c>, <c>Batch</c>, <c>CifarFormat</c>,
/// <c>SyntheticCifar</c>, <c>TransformedDataset</c>, <c>Normalize</c>, TinyTorch.Analysis. The one member entry,
/// <c>Tensor.Stack</c>, is forbidden in the collation notebook only, whose instructions say "Do not call
/// Tensor.Stack or TinyTorch's Collate"; notebook 03's given collation code uses it.</para>
/// <para>Only symbols defined in the named assembly count: a student's own <c>DataLoader</c> is declared in the
/// notebook's script, never in TinyTorch, whatever <c>using</c> directives are in force.</para>
/// </remarks>
public static class ForbiddenReferences
{
    private const string Library = "TinyTorch";
    private const string TheReference = "the reference implementation";
    private const string Sampling = "part of the reference DataLoader (its sampling order and shuffling)";

    /// <summary>Every entry, grouped by exercise.</summary>
    public static IReadOnlyList<ForbiddenReference> All { get; } =
    [
        new(Library, "TinyTorch.Data.Cifar.CifarFileDataset", null, Exercise.LazyCifar, TheReference),

        new(Library, "TinyTorch.Data.TensorDataset", null, Exercise.TensorDataset, TheReference),

        new(Library, "TinyTorch.Data.DataLoader", null, Exercise.DataLoader, TheReference),
        new(Library, "TinyTorch.Data.Collate", null, Exercise.DataLoader, "part of the reference DataLoader (its collation)"),
        new(Library, "TinyTorch.Data.PrefetchingEnumerator", null, Exercise.DataLoader, "part of the reference DataLoader (its workers)"),
        new(Library, "TinyTorch.Data.Sampling.Sampler", null, Exercise.DataLoader, Sampling),
        new(Library, "TinyTorch.Data.Sampling.SequentialSampler", null, Exercise.DataLoader, Sampling),
        new(Library, "TinyTorch.Data.Sampling.RandomSampler", null, Exercise.DataLoader, Sampling),
        new(Library, "TinyTorch.Data.Sampling.BatchSampler", null, Exercise.DataLoader, Sampling),
        new(Library, "TinyTorch.Data.Sampling.DistributedSampler", null, Exercise.DataLoader, Sampling),

        new(Library, "TinyTorch.Data.Collate", null, Exercise.Collate, TheReference),
        new(Library, "TinyTorch.Tensor", "Stack", Exercise.Collate, "the library's stacking, which the exercise asks you not to call"),

        new(Library, "TinyTorch.Transforms.RandomHorizontalFlip", null, Exercise.Flip, TheReference),
        new(Library, "TinyTorch.Transforms.RandomCrop", null, Exercise.Crop, TheReference),
        new(Library, "TinyTorch.Transforms.Compose", null, Exercise.Compose, TheReference),

        new(Library, "TinyTorch.Data.Prefetcher`1", null, Exercise.Prefetcher, TheReference),
        new(Library, "TinyTorch.Data.PrefetchingEnumerator", null, Exercise.Prefetcher, "the reference DataLoader's prefetching"),

        new("Course.Specs", "Course.Specs.Core.Implementation", "Reference", Exercise.None, "the reference implementation of every exercise"),
    ];

    /// <summary>The entries that apply to the solution cells of <paramref name="notebook"/> (see the rule above).</summary>
    /// <param name="notebook">The notebook, its locked cells restored.</param>
    /// <returns>The entries, in the order of <see cref="All"/>.</returns>
    public static IReadOnlyList<ForbiddenReference> ApplyingTo(Notebook notebook)
    {
        IReadOnlySet<Exercise> graded = ExercisesOf(notebook);
        return graded.Count == 0
            ? All
            : All.Where(entry => entry.Exercise == Exercise.None || graded.Contains(entry.Exercise)).ToArray();
    }

    /// <summary>
    /// The exercises <paramref name="notebook"/> grades: those its cells' grade_ids name, a check cell's
    /// (<c>dataloader</c>) or a solution cell's (<c>dataloader-impl</c>).
    /// </summary>
    /// <param name="notebook">The notebook.</param>
    /// <returns>The exercises; empty when no cell names a known one.</returns>
    public static IReadOnlySet<Exercise> ExercisesOf(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var exercises = new HashSet<Exercise>();
        foreach (Cell cell in notebook.Cells)
        {
            if (NbgraderMetadata.Read(cell)?.GradeId is { } gradeId && ExerciseOf(gradeId) is var exercise and not Exercise.None)
            {
                exercises.Add(exercise);
            }
        }

        return exercises;
    }

    /// <summary>The exercise a grade_id names: a check cell's (<c>crop</c>) or its solution cell's (<c>crop-impl</c>).</summary>
    /// <param name="gradeId">The grade_id.</param>
    /// <returns>The exercise, or <see cref="Exercise.None"/>.</returns>
    public static Exercise ExerciseOf(string gradeId)
    {
        ArgumentNullException.ThrowIfNull(gradeId);
        const string solutionSuffix = "-impl";
        Exercise exercise = Exercises.Of(gradeId);
        return exercise == Exercise.None && gradeId.EndsWith(solutionSuffix, StringComparison.Ordinal)
            ? Exercises.Of(gradeId[..^solutionSuffix.Length])
            : exercise;
    }

    /// <summary>What the student's notebook calls the exercise's answer, for messages (<c>your own DataLoader</c>).</summary>
    /// <param name="exercise">The exercise.</param>
    /// <returns>The name; <c>code</c> for <see cref="Exercise.None"/>.</returns>
    public static string StudentNameOf(Exercise exercise) => exercise switch
    {
        Exercise.LazyCifar => "LazyCifarDataset",
        Exercise.TensorDataset => "TensorDataset",
        Exercise.DataLoader => "DataLoader",
        Exercise.Collate => "Collate",
        Exercise.Flip => "RandomHorizontalFlip",
        Exercise.Crop => "RandomCrop",
        Exercise.Compose => "Compose",
        Exercise.Prefetcher => "Prefetcher<T>",
        _ => "code",
    };
}
