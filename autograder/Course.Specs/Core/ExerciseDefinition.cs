namespace Course.Specs.Core;

/// <summary>
/// Everything the kit knows of one exercise, in one row of <see cref="Exercises.All"/>: its name, the check cells
/// that grade it, and how to read, replace and fail its factory in an <see cref="Implementation"/>. Adding an
/// exercise is adding a row (and its checks and notebook cells): docs/AUTHORING.md shows how.
/// </summary>
/// <param name="Id">The exercise.</param>
/// <param name="StudentName">What the student's notebook calls the answer, for messages (<c>DataLoader</c>).</param>
/// <param name="GradeIds">The grade_ids of the check cells that record and grade it.</param>
/// <param name="Get">Reads the exercise's factory from an implementation (null when it was not given).</param>
/// <param name="With">Returns the implementation with the exercise's factory replaced.</param>
/// <param name="Throwing">Makes a factory of the exercise's type that throws the given exception when called.</param>
public sealed record ExerciseDefinition(
    Exercise Id,
    string StudentName,
    IReadOnlyList<string> GradeIds,
    Func<Implementation, Delegate?> Get,
    Func<Implementation, Delegate?, Implementation> With,
    Func<Exception, Delegate> Throwing)
{
    /// <summary>
    /// Builds one object with the factory, for telling whose type it makes (the student's or the library's); null
    /// for exercises where a probe would need resources (a file).
    /// </summary>
    public Func<Implementation, object?>? Probe { get; init; }
}
