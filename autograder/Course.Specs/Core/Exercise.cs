using System.Linq.Expressions;

namespace Course.Specs.Core;

/// <summary>
/// One exercise of the module, the one place that defines it (a row of <see cref="Exercises.All"/>): its name, the
/// check cells that grade it, the type of the factory a check cell binds to the student's code, the reference answer,
/// the library members that are that answer (withheld from the grading runner) and how its factory crosses the
/// grading boundary (by <see cref="Operation"/>, its arguments and result encoded by their types). Recording,
/// screening, grading and the boundary read the row; nothing else names an exercise. docs/AUTHORING.md ("Adding an
/// exercise") shows how to add one.
/// </summary>
/// <remarks>Rows are made as <see cref="Exercise{TFactory}"/>, which types the factory; this class is what code that
/// handles every exercise alike sees. An exercise is compared by identity: each row is one object.</remarks>
public class Exercise
{
    private protected Exercise(string name, string studentName, IReadOnlyList<string> gradeIds, Type factoryType)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(studentName);
        ArgumentNullException.ThrowIfNull(gradeIds);
        Name = name;
        StudentName = studentName;
        GradeIds = gradeIds;
        FactoryType = factoryType;
    }

    /// <summary>No single exercise: a check cell that grades how exercises work together (<c>integration</c>).</summary>
    public static Exercise None { get; } = new("None", "classes", [], typeof(Delegate));

    /// <summary>The exercise's name in code and on the wire (<c>DataLoader</c>): letters and digits, unique in its table.</summary>
    public string Name { get; }

    /// <summary>What the student's notebook calls the answer, for messages and the withheld policy (<c>Prefetcher&lt;T&gt;</c>).</summary>
    public string StudentName { get; }

    /// <summary>The grade_ids of the check cells that record and grade it.</summary>
    public IReadOnlyList<string> GradeIds { get; }

    /// <summary>The type of the factory a check cell binds (<c>Func&lt;Tensor[], Dataset&lt;Tensor[]&gt;&gt;</c>).</summary>
    public Type FactoryType { get; }

    /// <summary>
    /// The reference library's members that answer it, as autograder/withheld.json names them (<c>TinyTorch.Data.TensorDataset</c>,
    /// <c>TinyTorch.Data.Prefetcher`1</c>): the grading runner's edition of the library leaves their bodies out. A
    /// test holds withheld.json to these lists (the build tool reads the file, before this assembly exists).
    /// </summary>
    public IReadOnlyList<string> Withholds { get; init; } = [];

    /// <summary>
    /// Reference members that are its answer but that other exercises are given (notebook 03 stacks batches with
    /// <c>TinyTorch.Tensor.Stack</c>, the Collate answer): the runner forwards them to the parent, which computes them
    /// unless a check of this exercise is running.
    /// </summary>
    public IReadOnlyList<string> Forwards { get; init; } = [];

    /// <summary>The boundary operation that calls the student's factory in the runner (<c>exercise.dataloader</c>).</summary>
    public string Operation => "exercise." + Name.ToLowerInvariant();

    /// <summary>The reference answer's factory, or null (<see cref="None"/>).</summary>
    public Delegate? Reference => ReferenceFactory;

    private protected virtual Delegate? ReferenceFactory => null;

    /// <summary>The exercise's factory in <paramref name="implementation"/>, or null when it was not given.</summary>
    /// <param name="implementation">An implementation.</param>
    /// <returns>The factory.</returns>
    public Delegate? Get(Implementation implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return implementation.Factory(this);
    }

    /// <summary>Returns <paramref name="implementation"/> with the exercise's factory replaced.</summary>
    /// <param name="implementation">An implementation.</param>
    /// <param name="factory">The factory, of <see cref="FactoryType"/>, or null for none.</param>
    /// <returns>The new implementation.</returns>
    public Implementation With(Implementation implementation, Delegate? factory)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return implementation.With(this, factory);
    }

    /// <summary>A factory of the exercise's type that throws <paramref name="error"/> whenever it is called.</summary>
    /// <param name="error">The exception.</param>
    /// <returns>The factory.</returns>
    public Delegate Throwing(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (this == None)
        {
            throw new InvalidOperationException("No single exercise has a factory.");
        }

        var invoke = FactoryType.GetMethod("Invoke")!;
        var parameters = invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        return Expression.Lambda(FactoryType, Expression.Throw(Expression.Constant(error, typeof(Exception)), invoke.ReturnType), parameters).Compile();
    }

    /// <summary>
    /// Builds one object with the exercise's factory, for telling whose type it makes (the student's or the
    /// library's); null when the exercise has no probe (one would need resources, such as a file) or no factory.
    /// </summary>
    /// <param name="implementation">An implementation.</param>
    /// <returns>The object, or null.</returns>
    public object? Probe(Implementation implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return ProbeFactory(implementation);
    }

    private protected virtual object? ProbeFactory(Implementation implementation) => null;

    /// <inheritdoc />
    public override string ToString() => Name;
}
