using TinyTorch;

namespace Course.Specs.Core;

/// <summary>The exercises of module 05: the one table that recording, screening and grading read.</summary>
public static class Exercises
{
    /// <summary>Every exercise, in notebook order.</summary>
    public static IReadOnlyList<ExerciseDefinition> All { get; } =
    [
        new(Exercise.LazyCifar, "LazyCifarDataset", [GradeIds.LazyDataset],
            i => i.LazyCifar, (i, f) => i with { LazyCifar = (Func<string, TinyTorch.Data.Dataset<Tensor[]>>?)f }, e => (Func<string, TinyTorch.Data.Dataset<Tensor[]>>)(_ => throw e)),
        new(Exercise.TensorDataset, "TensorDataset", [GradeIds.TensorDataset],
            i => i.TensorDataset, (i, f) => i with { TensorDataset = (Func<Tensor[], TinyTorch.Data.Dataset<Tensor[]>>?)f }, e => (Func<Tensor[], TinyTorch.Data.Dataset<Tensor[]>>)(_ => throw e))
        {
            Probe = i => i.TensorDataset?.Invoke([Tensor.Zeros(1, 1)]),
        },
        new(Exercise.DataLoader, "DataLoader", [GradeIds.DataLoader, GradeIds.DataLoaderDeterministic],
            i => i.DataLoader, (i, f) => i with { DataLoader = (LoaderFactory?)f }, e => (LoaderFactory)((_, _) => throw e))
        {
            Probe = i => i.DataLoader?.Invoke(new Doubles.CountingDataset(1), new LoaderSettings(1)).Batches,
        },
        new(Exercise.Collate, "Collate", [GradeIds.Collate],
            i => i.Collate, (i, f) => i with { Collate = (Func<IReadOnlyList<Tensor[]>, Tensor[]>?)f }, e => (Func<IReadOnlyList<Tensor[]>, Tensor[]>)(_ => throw e)),
        new(Exercise.Flip, "RandomHorizontalFlip", [GradeIds.Flip],
            i => i.Flip, (i, f) => i with { Flip = (Func<double, int, TinyTorch.Transforms.ITransform>?)f }, e => (Func<double, int, TinyTorch.Transforms.ITransform>)((_, _) => throw e))
        {
            Probe = i => i.Flip?.Invoke(0.5, 0),
        },
        new(Exercise.Crop, "RandomCrop", [GradeIds.Crop],
            i => i.Crop, (i, f) => i with { Crop = (Func<int, int, int, TinyTorch.Transforms.ITransform>?)f }, e => (Func<int, int, int, TinyTorch.Transforms.ITransform>)((_, _, _) => throw e))
        {
            Probe = i => i.Crop?.Invoke(2, 0, 0),
        },
        new(Exercise.Compose, "Compose", [GradeIds.Compose],
            i => i.Compose, (i, f) => i with { Compose = (Func<TinyTorch.Transforms.ITransform[], TinyTorch.Transforms.ITransform>?)f }, e => (Func<TinyTorch.Transforms.ITransform[], TinyTorch.Transforms.ITransform>)(_ => throw e))
        {
            Probe = i => i.Compose?.Invoke([]),
        },
        new(Exercise.Prefetcher, "Prefetcher<T>", [GradeIds.Prefetcher],
            i => i.Prefetcher, (i, f) => i with { Prefetcher = (Func<IEnumerable<int>, int, IEnumerable<int>>?)f }, e => (Func<IEnumerable<int>, int, IEnumerable<int>>)((_, _) => throw e))
        {
            Probe = i => i.Prefetcher?.Invoke([], 1),
        },
    ];

    /// <summary>The exercise graded by the check cell <paramref name="gradeId"/>.</summary>
    /// <param name="gradeId">A grade_id.</param>
    /// <returns>The exercise, or <see cref="Exercise.None"/> for cells that grade several together.</returns>
    public static Exercise Of(string gradeId) =>
        All.FirstOrDefault(e => e.GradeIds.Contains(gradeId))?.Id ?? Exercise.None;

    /// <summary>The definition of an exercise.</summary>
    /// <param name="exercise">The exercise (not <see cref="Exercise.None"/>).</param>
    /// <returns>Its row.</returns>
    /// <exception cref="ArgumentOutOfRangeException">There is no such exercise.</exception>
    public static ExerciseDefinition Get(Exercise exercise) =>
        All.FirstOrDefault(e => e.Id == exercise)
        ?? throw new ArgumentOutOfRangeException(nameof(exercise), exercise, $"No exercise {exercise}; the exercises are {string.Join(", ", All.Select(e => e.Id))}.");
}
