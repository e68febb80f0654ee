namespace Course.Specs.Core;

/// <summary>An exercise whose check cells bind a factory of type <typeparamref name="TFactory"/>: a row of <see cref="Exercises.All"/>.</summary>
/// <typeparam name="TFactory">The factory's delegate type.</typeparam>
/// <param name="name">The exercise's name in code and on the wire.</param>
/// <param name="studentName">What the student's notebook calls the answer.</param>
/// <param name="gradeIds">The grade_ids of the check cells that record and grade it.</param>
public sealed class Exercise<TFactory>(string name, string studentName, IReadOnlyList<string> gradeIds)
    : Exercise(name, studentName, gradeIds, typeof(TFactory))
    where TFactory : Delegate
{
    /// <summary>
    /// The reference answer, bound as a check cell binds the student's (<c>t =&gt; new TinyTorch.Data.TensorDataset(t)</c>);
    /// <see cref="Implementation.Reference"/> is every row's. The grading runner's edition of this assembly compiles
    /// the rows too, against the withheld library, where these bodies throw; its <c>Implementation.Reference</c> is empty.
    /// </summary>
    public new TFactory? Reference { get; init; }

    /// <summary>
    /// Builds one object with the factory, for the reference guard: whether it is the library's type (the student's
    /// class did not compile, so the cell's name bound the library's). Leave it null where a probe needs resources.
    /// </summary>
    public Func<TFactory, object?>? Probing { get; init; }

    private protected override Delegate? ReferenceFactory => Reference;

    /// <summary>The exercise's factory in <paramref name="implementation"/>, typed, or null when it was not given.</summary>
    /// <param name="implementation">An implementation.</param>
    /// <returns>The factory.</returns>
    public TFactory? Of(Implementation implementation) => (TFactory?)Get(implementation);

    /// <summary>
    /// An implementation of this exercise alone, for a check cell:
    /// <c>ModuleSpecs.Check("normalize", Exercises.Normalize.Bind((mean, std) =&gt; new Normalize(mean, std)))</c>.
    /// </summary>
    /// <param name="factory">The factory that makes the student's object.</param>
    /// <returns>The implementation.</returns>
    public Implementation Bind(TFactory factory) => new Implementation().With(this, factory);

    private protected override object? ProbeFactory(Implementation implementation) =>
        Probing is { } probe && Of(implementation) is { } factory ? probe(factory) : null;
}
