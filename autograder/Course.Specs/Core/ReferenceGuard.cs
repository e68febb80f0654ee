using TinyTorch;

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
    public static Implementation Screen(string gradeId, Implementation implementation) => Screen(gradeId, implementation, Exercises.All);

    /// <summary>Screens as <see cref="Screen(string, Implementation)"/> does, with the exercises of <paramref name="table"/>.</summary>
    /// <param name="gradeId">The check cell's grade_id.</param>
    /// <param name="implementation">The implementation the cell passed.</param>
    /// <param name="table">The module's exercises.</param>
    /// <returns>The implementation to check.</returns>
    public static Implementation Screen(string gradeId, Implementation implementation, ExerciseTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var exercise = table.Of(gradeId);
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
    /// fails every check of it with <paramref name="message"/>; <see cref="Exercise.None"/> replaces every exercise
    /// of <see cref="Exercises.All"/>.
    /// </summary>
    /// <param name="exercise">The exercise that must earn nothing.</param>
    /// <param name="implementation">The implementation.</param>
    /// <param name="message">Why, for the student.</param>
    /// <returns>The implementation to check.</returns>
    public static Implementation Failing(Exercise exercise, Implementation implementation, string message) =>
        Failing(exercise, implementation, message, Exercises.All);

    /// <summary>Fails as <see cref="Failing(Exercise, Implementation, string)"/> does; <see cref="Exercise.None"/> replaces every exercise of <paramref name="table"/>.</summary>
    /// <param name="exercise">The exercise that must earn nothing.</param>
    /// <param name="implementation">The implementation.</param>
    /// <param name="message">Why, for the student.</param>
    /// <param name="table">The module's exercises.</param>
    /// <returns>The implementation to check.</returns>
    public static Implementation Failing(Exercise exercise, Implementation implementation, string message, ExerciseTable table)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(message);
        IEnumerable<Exercise> failing = exercise == Exercise.None ? table : [exercise];
        return failing.Aggregate(implementation, (impl, e) => e.With(impl, e.Throwing(new SpecFailure(message))));
    }

    /// <summary>The reference type the exercise resolves to, or null when it is the student's own (or cannot be told).</summary>
    /// <param name="exercise">The exercise.</param>
    /// <param name="implementation">The implementation.</param>
    /// <returns>The reference type's name, or null.</returns>
    public static string? UsesReference(Exercise exercise, Implementation implementation)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(implementation);
        try
        {
            object? probe = exercise.Probe(implementation);
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
