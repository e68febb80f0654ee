using TinyTorch;
using TinyTorch.Data;
using TinyTorch.Data.Cifar;
using TinyTorch.Transforms;

namespace Course.Specs.Core;

/// <summary>
/// The exercises of module 05, one row each: the one table that recording, screening, the reference, the grading
/// boundary and the withheld policy's test read. Adding an exercise is adding a row here and to <see cref="All"/>
/// (with its checks and notebook cells): docs/AUTHORING.md, "Adding an exercise".
/// </summary>
public static class Exercises
{
    /// <summary>Notebook 01: a lazy dataset over a CIFAR-format file, given its path.</summary>
    public static Exercise<Func<string, Dataset<Tensor[]>>> LazyCifar { get; } = new("LazyCifar", "LazyCifarDataset", [GradeIds.LazyDataset])
    {
        Reference = path => new CifarFileDataset(path),
        Withholds = ["TinyTorch.Data.Cifar.CifarFileDataset"],
    };

    /// <summary>Notebook 02: a TensorDataset over the given tensors.</summary>
    public static Exercise<Func<Tensor[], Dataset<Tensor[]>>> TensorDataset { get; } = new("TensorDataset", "TensorDataset", [GradeIds.TensorDataset])
    {
        Reference = tensors => new TinyTorch.Data.TensorDataset(tensors),
        Probing = make => make([Tensor.Zeros(1, 1)]),
        Withholds = ["TinyTorch.Data.TensorDataset"],
    };

    /// <summary>Notebook 03: a DataLoader over a dataset.</summary>
    public static Exercise<LoaderFactory> DataLoader { get; } = new("DataLoader", "DataLoader", [GradeIds.DataLoader, GradeIds.DataLoaderDeterministic])
    {
        Reference = (dataset, s) =>
        {
            var loader = new TinyTorch.Data.DataLoader(dataset, s.BatchSize, s.Shuffle, s.DropLast, s.Seed);
            return new LoaderUnderTest(() => loader.Count, loader);
        },
        Probing = make => make(new Doubles.CountingDataset(1), new LoaderSettings(1)).Batches,
        Withholds =
        [
            "TinyTorch.Data.DataLoader", "TinyTorch.Data.WorkerBatchEnumerator", "TinyTorch.Data.Sampling.Sampler",
            "TinyTorch.Data.Sampling.SequentialSampler", "TinyTorch.Data.Sampling.RandomSampler",
            "TinyTorch.Data.Sampling.BatchSampler", "TinyTorch.Data.Sampling.DistributedSampler",
        ],
    };

    /// <summary>Notebook 04: the collate function (a list of samples to one tensor per position).</summary>
    public static Exercise<Func<IReadOnlyList<Tensor[]>, Tensor[]>> Collate { get; } = new("Collate", "Collate", [GradeIds.Collate])
    {
        Reference = samples => TinyTorch.Data.Collate.Stack(samples).ToArray(),
        Withholds = ["TinyTorch.Data.Collate"],
        Forwards = ["TinyTorch.Tensor.Stack"],
    };

    /// <summary>Notebook 05: a RandomHorizontalFlip with probability p and a seed.</summary>
    public static Exercise<Func<double, int, ITransform>> Flip { get; } = new("Flip", "RandomHorizontalFlip", [GradeIds.Flip])
    {
        Reference = (p, seed) => new RandomHorizontalFlip(p, seed),
        Probing = make => make(0.5, 0),
        Withholds = ["TinyTorch.Transforms.RandomHorizontalFlip"],
    };

    /// <summary>Notebook 05: a RandomCrop with a square size, a padding and a seed.</summary>
    public static Exercise<Func<int, int, int, ITransform>> Crop { get; } = new("Crop", "RandomCrop", [GradeIds.Crop])
    {
        Reference = (size, padding, seed) => new RandomCrop(size, padding, seed),
        Probing = make => make(2, 0, 0),
        Withholds = ["TinyTorch.Transforms.RandomCrop"],
    };

    /// <summary>Notebook 05: a Compose of transforms.</summary>
    public static Exercise<Func<ITransform[], ITransform>> Compose { get; } = new("Compose", "Compose", [GradeIds.Compose])
    {
        Reference = transforms => new TinyTorch.Transforms.Compose(transforms),
        Probing = make => make([]),
        Withholds = ["TinyTorch.Transforms.Compose"],
    };

    /// <summary>Notebook 06 (challenge): a prefetcher that runs a source ahead on a background thread, holding at most the given number of items.</summary>
    public static Exercise<Func<IEnumerable<int>, int, IEnumerable<int>>> Prefetcher { get; } = new("Prefetcher", "Prefetcher<T>", [GradeIds.Prefetcher])
    {
        Reference = (source, capacity) => new Prefetcher<int>(source, capacity),
        Probing = make => make([], 1),
        Withholds = ["TinyTorch.Data.Prefetcher`1"],
    };

    /// <summary>Every exercise, in notebook order (a test checks that every row above is here).</summary>
    public static ExerciseTable All { get; } = new([LazyCifar, TensorDataset, DataLoader, Collate, Flip, Crop, Compose, Prefetcher]);

    /// <summary>The exercise graded by the check cell <paramref name="gradeId"/>.</summary>
    /// <param name="gradeId">A grade_id.</param>
    /// <returns>The exercise, or <see cref="Exercise.None"/> for cells that grade several together.</returns>
    public static Exercise Of(string gradeId) => All.Of(gradeId);
}
