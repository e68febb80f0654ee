using TinyTorch;
using TinyTorch.Data;
using TinyTorch.Transforms;

namespace Course.Specs.Core;

/// <summary>
/// The implementation under test: one factory per exercise of the module. A notebook check cell
/// fills in the exercise it checks (<c>new Implementation { TensorDataset = t => new TensorDataset(t) }</c>);
/// the autograder fills in every exercise from a submission; <see cref="Reference"/> is the library.
/// A check whose factory is missing ends as <see cref="CheckStatus.Missing"/>.
/// </summary>
public sealed partial record Implementation
{
    /// <summary>Notebook 1: a lazy dataset over a CIFAR-format file, given its path.</summary>
    public Func<string, Dataset<Tensor[]>>? LazyCifar { get; init; }

    /// <summary>Notebook 2: a TensorDataset over the given tensors.</summary>
    public Func<Tensor[], Dataset<Tensor[]>>? TensorDataset { get; init; }

    /// <summary>Notebook 3: a DataLoader over a dataset.</summary>
    public LoaderFactory? DataLoader { get; init; }

    /// <summary>Notebook 4: the collate function (a list of samples to one tensor per position).</summary>
    public Func<IReadOnlyList<Tensor[]>, Tensor[]>? Collate { get; init; }

    /// <summary>Notebook 5: a RandomHorizontalFlip with probability p and a seed.</summary>
    public Func<double, int, ITransform>? Flip { get; init; }

    /// <summary>Notebook 5: a RandomCrop with a square size, a padding and a seed.</summary>
    public Func<int, int, int, ITransform>? Crop { get; init; }

    /// <summary>Notebook 5: a Compose of transforms.</summary>
    public Func<ITransform[], ITransform>? Compose { get; init; }

    /// <summary>Notebook 6 (challenge): a prefetcher that runs a source ahead on a background thread, holding at most the given number of items.</summary>
    public Func<IEnumerable<int>, int, IEnumerable<int>>? Prefetcher { get; init; }

    /// <summary>Where the code under test runs: this process, unless the autograder grades it behind its boundary.</summary>
    public ISpecWorld World { get; init; } = InProcessWorld.Instance;

    /// <summary>Returns <paramref name="factory"/>, or fails the check as <see cref="CheckStatus.Missing"/> when the exercise was not provided.</summary>
    /// <typeparam name="T">The factory's type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="exercise">The exercise's name, for the message.</param>
    /// <returns>The factory.</returns>
    public static T Require<T>(T? factory, string exercise)
        where T : class =>
        factory ?? throw new MissingExerciseException(exercise);
}
