using System.Collections;

namespace Course.Specs.Core;

/// <summary>
/// A module's exercises, in notebook order: what recording, the reference guard, the reference implementation and
/// the grading boundary go through, so that a new row is picked up by each of them. <see cref="Exercises.All"/> is
/// module 05's; a test can add a row of its own (<see cref="With"/>).
/// </summary>
public sealed class ExerciseTable : IReadOnlyList<Exercise>
{
    private readonly Exercise[] _rows;

    /// <summary>Makes a table, checking that names, operations and grade_ids are unique.</summary>
    /// <param name="rows">The exercises, in notebook order.</param>
    /// <exception cref="ArgumentException">Two rows share a name or a grade_id, or a name is not letters and digits.</exception>
    public ExerciseTable(IEnumerable<Exercise> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = [.. rows];
        foreach (var row in _rows)
        {
            if (row == Exercise.None || !row.Name.All(char.IsAsciiLetterOrDigit))
            {
                throw new ArgumentException($"An exercise is named \"{row.Name}\": a row's name is ASCII letters and digits, and not None.", nameof(rows));
            }
        }

        // Operations lower-case the name, so names may not differ by case alone.
        if (_rows.GroupBy(r => r.Operation).FirstOrDefault(g => g.Count() > 1) is { } sameName)
        {
            throw new ArgumentException($"Two exercises have the operation {sameName.Key}: {string.Join(", ", sameName.Select(r => r.Name))}.", nameof(rows));
        }

        if (_rows.SelectMany(r => r.GradeIds.Select(id => (id, r))).GroupBy(p => p.id).FirstOrDefault(g => g.Count() > 1) is { } sameCell)
        {
            throw new ArgumentException($"The check cell \"{sameCell.Key}\" grades two exercises: {string.Join(", ", sameCell.Select(p => p.r.Name))}.", nameof(rows));
        }
    }

    /// <inheritdoc />
    public int Count => _rows.Length;

    /// <inheritdoc />
    public Exercise this[int index] => _rows[index];

    /// <summary>The exercise graded by the check cell <paramref name="gradeId"/>.</summary>
    /// <param name="gradeId">A grade_id.</param>
    /// <returns>The exercise, or <see cref="Exercise.None"/> for cells that grade several together.</returns>
    public Exercise Of(string gradeId) => _rows.FirstOrDefault(e => e.GradeIds.Contains(gradeId)) ?? Exercise.None;

    /// <summary>The exercise of a name (as the runner reports what it recorded), or null.</summary>
    /// <param name="name">An exercise's <see cref="Exercise.Name"/>, exactly.</param>
    /// <returns>The exercise, or null.</returns>
    public Exercise? Named(string name) => _rows.FirstOrDefault(e => e.Name == name);

    /// <summary>The exercise a boundary operation calls (<c>exercise.dataloader</c>), or null.</summary>
    /// <param name="operation">An operation.</param>
    /// <returns>The exercise, or null.</returns>
    public Exercise? Serving(string operation) => _rows.FirstOrDefault(e => e.Operation == operation);

    /// <summary>The exercise a forwarded reference member answers (<c>TinyTorch.Tensor.Stack</c>), or null.</summary>
    /// <param name="member">A forwarded member, as the withheld edition names it.</param>
    /// <returns>The exercise, or null.</returns>
    public Exercise? Answering(string member) => _rows.FirstOrDefault(e => e.Forwards.Contains(member));

    /// <summary>Every row's reference answer, as one implementation.</summary>
    /// <returns>The implementation.</returns>
    public Implementation ReferenceImplementation() => _rows.Aggregate(new Implementation(), (impl, e) => e.With(impl, e.Reference));

    /// <summary>This table with one more row (at the end).</summary>
    /// <param name="row">The exercise.</param>
    /// <returns>The new table.</returns>
    public ExerciseTable With(Exercise row) => new([.. _rows, row]);

    /// <inheritdoc />
    public IEnumerator<Exercise> GetEnumerator() => ((IEnumerable<Exercise>)_rows).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => _rows.GetEnumerator();
}
