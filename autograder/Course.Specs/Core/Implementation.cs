using System.Collections.Immutable;
using TinyTorch;
using TinyTorch.Data;
using TinyTorch.Transforms;

namespace Course.Specs.Core;

/// <summary>
/// The implementation under test: one factory per exercise of the module, kept by exercise (<see cref="Exercises"/>).
/// A notebook check cell fills in the exercise it checks (<c>new Implementation { TensorDataset = t => new TensorDataset(t) }</c>,
/// or for an exercise without a property <c>Exercises.Normalize.Bind(...)</c>); the autograder fills in every exercise
/// from a submission; <see cref="Reference"/> is the library. A check whose factory is missing ends as
/// <see cref="CheckStatus.Missing"/>.
/// </summary>
/// <remarks>
/// The typed properties below are views of the rows of <see cref="Exercises"/>, kept per exercise for one reason:
/// the released notebooks' locked check cells name them (<c>new Implementation { Collate = ... }</c>), so renaming or
/// removing one changes every released notebook and its checksums. A new exercise needs none: its check cell calls
/// <see cref="Exercise{TFactory}.Bind"/> and its checks <see cref="Exercise{TFactory}.Of"/> (docs/AUTHORING.md).
/// </remarks>
public sealed partial record Implementation
{
    private ImmutableDictionary<Exercise, Delegate> _factories = ImmutableDictionary<Exercise, Delegate>.Empty;

    /// <summary>Notebook 1: a lazy dataset over a CIFAR-format file, given its path.</summary>
    public Func<string, Dataset<Tensor[]>>? LazyCifar { get => Exercises.LazyCifar.Of(this); init => _factories = Set(Exercises.LazyCifar, value); }

    /// <summary>Notebook 2: a TensorDataset over the given tensors.</summary>
    public Func<Tensor[], Dataset<Tensor[]>>? TensorDataset { get => Exercises.TensorDataset.Of(this); init => _factories = Set(Exercises.TensorDataset, value); }

    /// <summary>Notebook 3: a DataLoader over a dataset.</summary>
    public LoaderFactory? DataLoader { get => Exercises.DataLoader.Of(this); init => _factories = Set(Exercises.DataLoader, value); }

    /// <summary>Notebook 4: the collate function (a list of samples to one tensor per position).</summary>
    public Func<IReadOnlyList<Tensor[]>, Tensor[]>? Collate { get => Exercises.Collate.Of(this); init => _factories = Set(Exercises.Collate, value); }

    /// <summary>Notebook 5: a RandomHorizontalFlip with probability p and a seed.</summary>
    public Func<double, int, ITransform>? Flip { get => Exercises.Flip.Of(this); init => _factories = Set(Exercises.Flip, value); }

    /// <summary>Notebook 5: a RandomCrop with a square size, a padding and a seed.</summary>
    public Func<int, int, int, ITransform>? Crop { get => Exercises.Crop.Of(this); init => _factories = Set(Exercises.Crop, value); }

    /// <summary>Notebook 5: a Compose of transforms.</summary>
    public Func<ITransform[], ITransform>? Compose { get => Exercises.Compose.Of(this); init => _factories = Set(Exercises.Compose, value); }

    /// <summary>Notebook 6 (challenge): a prefetcher that runs a source ahead on a background thread, holding at most the given number of items.</summary>
    public Func<IEnumerable<int>, int, IEnumerable<int>>? Prefetcher { get => Exercises.Prefetcher.Of(this); init => _factories = Set(Exercises.Prefetcher, value); }

    /// <summary>Where the code under test runs: this process, unless the autograder grades it behind its boundary.</summary>
    public ISpecWorld World { get; init; } = InProcessWorld.Instance;

    /// <summary>The factory given for <paramref name="exercise"/>, or null.</summary>
    /// <param name="exercise">An exercise.</param>
    /// <returns>The factory, of the exercise's <see cref="Exercise.FactoryType"/>.</returns>
    public Delegate? Factory(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return _factories.GetValueOrDefault(exercise);
    }

    /// <summary>This implementation with <paramref name="exercise"/>'s factory replaced.</summary>
    /// <param name="exercise">An exercise.</param>
    /// <param name="factory">Its factory, or null for none.</param>
    /// <returns>The new implementation.</returns>
    /// <exception cref="ArgumentException">The factory is not of the exercise's type, or the exercise is <see cref="Exercise.None"/>.</exception>
    public Implementation With(Exercise exercise, Delegate? factory) => this with { _factories = Set(exercise, factory) };

    /// <summary>This implementation with <paramref name="exercise"/>'s factory replaced, typed.</summary>
    /// <typeparam name="TFactory">The factory's type.</typeparam>
    /// <param name="exercise">An exercise.</param>
    /// <param name="factory">Its factory, or null for none.</param>
    /// <returns>The new implementation.</returns>
    public Implementation With<TFactory>(Exercise<TFactory> exercise, TFactory? factory)
        where TFactory : Delegate =>
        With((Exercise)exercise, factory);

    /// <summary>Returns <paramref name="factory"/>, or fails the check as <see cref="CheckStatus.Missing"/> when the exercise was not provided.</summary>
    /// <typeparam name="T">The factory's type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="exercise">The exercise's name, for the message.</param>
    /// <returns>The factory.</returns>
    public static T Require<T>(T? factory, string exercise)
        where T : class =>
        factory ?? throw new MissingExerciseException(exercise);

    private ImmutableDictionary<Exercise, Delegate> Set(Exercise exercise, Delegate? factory)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        if (exercise == Exercise.None)
        {
            throw new ArgumentException("No single exercise has a factory.", nameof(exercise));
        }

        if (factory is not null && !exercise.FactoryType.IsInstanceOfType(factory))
        {
            throw new ArgumentException($"The {exercise.Name} exercise takes a {exercise.FactoryType.Name}, not a {factory.GetType().Name}.", nameof(factory));
        }

        return factory is null ? _factories.Remove(exercise) : _factories.SetItem(exercise, factory);
    }
}
