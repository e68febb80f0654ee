using TinyTorch.Data;
using TinyTorch.Data.Cifar;
using TinyTorch.Transforms;

namespace Course.Specs.Core;

/// <summary>The reference answers, in a file of their own: the grading runner's edition of this assembly leaves them out.</summary>
public sealed partial record Implementation
{
    /// <summary>The reference library's implementation of every exercise.</summary>
    public static Implementation Reference { get; } = new()
    {
        LazyCifar = path => new CifarFileDataset(path),
        TensorDataset = tensors => new TinyTorch.Data.TensorDataset(tensors),
        DataLoader = (dataset, s) =>
        {
            var loader = new TinyTorch.Data.DataLoader(dataset, s.BatchSize, s.Shuffle, s.DropLast, s.Seed);
            return new LoaderUnderTest(() => loader.Count, loader);
        },
        Collate = samples => TinyTorch.Data.Collate.Stack(samples).ToArray(),
        Flip = (p, seed) => new RandomHorizontalFlip(p, seed),
        Crop = (size, padding, seed) => new RandomCrop(size, padding, seed),
        Compose = transforms => new TinyTorch.Transforms.Compose(transforms),
        Prefetcher = (source, capacity) => new Prefetcher<int>(source, capacity),
    };
}
