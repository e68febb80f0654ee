using TinyTorch;
using TinyTorch.Data;

namespace Course.Specs.Core;

/// <summary>
/// Catches a check cell that grades the reference library instead of the student's code. In a
/// notebook that imports <c>TinyTorch.Data</c>, a student class that failed to compile leaves the
/// name <c>TensorDataset</c> bound to the library's, and the check would silently pass. The guard
/// builds one object from the exercise's factory and looks at which assembly its type comes from.
/// </summary>
public static class ReferenceGuard
{
    /// <summary>
    /// Returns <paramref name="implementation"/> with the exercise of <paramref name="gradeId"/> replaced by
    /// a factory that fails every check with an explanation, when that exercise resolves to the reference library.
    /// </summary>
    /// <param name="gradeId">The check cell's grade_id.</param>
    /// <param name="implementation">The implementation the cell passed.</param>
    /// <returns>The implementation to check.</returns>
    public static Implementation Screen(string gradeId, Implementation implementation)
    {
        var exercise = Exercises.Of(gradeId);
        string? name = UsesReference(exercise, implementation);
        if (name is null)
        {
            return implementation;
        }

        return Failing(exercise, implementation,
            $"This check ran the reference library's {name}, not yours: make sure the cell that defines your {name} " +
            "compiled and ran without errors (run it again), and that it does not call TinyTorch's own.");
    }

    /// <summary>
    /// Returns <paramref name="implementation"/> with <paramref name="exercise"/>'s factory replaced by one that
    /// fails every check of it with <paramref name="message"/>; <see cref="Exercise.None"/> replaces every exercise.
    /// </summary>
    /// <param name="exercise">The exercise that must earn nothing.</param>
    /// <param name="implementation">The implementation.</param>
    /// <param name="message">Why, for the student.</param>
    /// <returns>The implementation to check.</returns>
    public static Implementation Failing(Exercise exercise, Implementation implementation, string message)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentException.ThrowIfNullOrEmpty(message);
        if (exercise == Exercise.None)
        {
            return Enum.GetValues<Exercise>().Where(e => e != Exercise.None)
                .Aggregate(implementation, (impl, e) => Failing(e, impl, message));
        }

        var failure = new SpecFailure(message);
        return exercise switch
        {
            Exercise.LazyCifar => implementation with { LazyCifar = _ => throw failure },
            Exercise.TensorDataset => implementation with { TensorDataset = _ => throw failure },
            Exercise.Collate => implementation with { Collate = _ => throw failure },
            Exercise.DataLoader => implementation with { DataLoader = (_, _) => throw failure },
            Exercise.Flip => implementation with { Flip = (_, _) => throw failure },
            Exercise.Crop => implementation with { Crop = (_, _, _) => throw failure },
            Exercise.Compose => implementation with { Compose = _ => throw failure },
            Exercise.Prefetcher => implementation with { Prefetcher = (_, _) => throw failure },
            _ => implementation,
        };
    }

    /// <summary>The reference type the exercise resolves to, or null when it is the student's own (or cannot be told).</summary>
    /// <param name="exercise">The exercise.</param>
    /// <param name="implementation">The implementation.</param>
    /// <returns>The reference type's name, or null.</returns>
    public static string? UsesReference(Exercise exercise, Implementation implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        try
        {
            object? probe = exercise switch
            {
                Exercise.TensorDataset => implementation.TensorDataset?.Invoke([Tensor.Zeros(1, 1)]),
                Exercise.DataLoader => implementation.DataLoader?.Invoke(new TensorDataset(Tensor.Zeros(1, 1)), new LoaderSettings(1)).Batches,
                Exercise.Flip => implementation.Flip?.Invoke(0.5, 0),
                Exercise.Crop => implementation.Crop?.Invoke(2, 0, 0),
                Exercise.Compose => implementation.Compose?.Invoke([]),
                Exercise.Prefetcher => implementation.Prefetcher?.Invoke([], 1),
                _ => null,
            };
            return probe is not null && probe.GetType().Assembly == typeof(Tensor).Assembly ? probe.GetType().Name : null;
        }
        catch (Exception)
        {
            // A stub that throws NotImplementedException, or a constructor that rejects the probe, is the
            // student's own code: the checks will say what is wrong with it.
            return null;
        }
    }
}
