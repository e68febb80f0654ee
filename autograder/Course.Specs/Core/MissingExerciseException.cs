namespace Course.Specs.Core;

/// <summary>The implementation under test does not provide the exercise a check needs.</summary>
public sealed class MissingExerciseException : Exception
{
    /// <summary>Creates the exception for <paramref name="exercise"/>.</summary>
    /// <param name="exercise">The exercise's name.</param>
    public MissingExerciseException(string exercise)
        : base($"No implementation of {exercise} was found; define it in its notebook cell.")
    {
        Exercise = exercise;
    }

    /// <summary>The exercise that is missing.</summary>
    public string Exercise { get; }
}
